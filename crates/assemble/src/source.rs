//! The input: one report.

/// One input report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    id: String,
    title: Option<String>,
    path: Option<String>,
    date: Option<String>,
    text: String,
}

impl Source {
    /// A report with an id and its full text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            id: id.into(),
            title: None,
            path: None,
            date: None,
            text: text.into(),
        }
    }

    /// Sets the title (otherwise the report's headline, if it has one).
    pub fn with_title(mut self, title: impl Into<String>) -> Source {
        self.title = Some(title.into());
        self
    }

    /// Sets the path the text was read from, shown in the output.
    pub fn with_path(mut self, path: impl Into<String>) -> Source {
        self.path = Some(path.into());
        self
    }

    /// Sets the publication date (any sortable string, e.g. ISO 8601).
    pub fn with_date(mut self, date: impl Into<String>) -> Source {
        self.date = Some(date.into());
        self
    }

    /// The id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title given with [`Source::with_title`].
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The path given with [`Source::with_path`].
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The date given with [`Source::with_date`].
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The full text. Every span in a [`Summary`](crate::Summary) indexes into it.
    pub fn text(&self) -> &str {
        &self.text
    }
}
