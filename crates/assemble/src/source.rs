//! The input: one report.

use std::borrow::Cow;
use std::ops::Range;

/// One input report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    id: String,
    title: Option<String>,
    path: Option<String>,
    date: Option<String>,
    text: String,
    format: Format,
    encoding: Option<String>,
    blanked: Vec<Range<usize>>,
}

/// What kind of file a report was read from.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (the default).
    #[default]
    Text,
    /// Markdown, its markup blanked ([`Source::with_blanked`]): spans still
    /// index the file byte for byte.
    Markdown,
    /// An HTML page, whose article was extracted: spans index the
    /// extracted text.
    Html,
}

impl Format {
    /// A lowercase name: `"text"`, `"markdown"`, `"html"`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// What a report's spans index.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Spans {
    /// The file, byte for byte.
    File,
    /// The UTF-8 text decoded from the file's encoding.
    Decoded,
    /// The text extracted from the file (an HTML page's article).
    Extracted,
}

impl Spans {
    /// A name: `"file"`, `"decoded text"`, `"extracted text"`.
    pub fn name(self) -> &'static str {
        match self {
            Spans::File => "file",
            Spans::Decoded => "decoded text",
            Spans::Extracted => "extracted text",
        }
    }
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
            format: Format::Text,
            encoding: None,
            blanked: Vec::new(),
        }
    }

    /// Sets the kind of file the text was read from (default
    /// [`Format::Text`]); an HTML report's text is its extracted article.
    pub fn with_format(mut self, format: Format) -> Source {
        self.format = format;
        self
    }

    /// Says the text was decoded from the file's `encoding` (a legacy
    /// encoding, UTF-16): spans then index the decoded text.
    pub fn with_encoding(mut self, encoding: impl Into<String>) -> Source {
        self.encoding = Some(encoding.into());
        self
    }

    /// Byte ranges of the text that are blanked markup (Markdown's marks
    /// and link targets, as spaces): sentence texts leave them out, so
    /// `see the **report**.` reads `see the report.`. Ranges out of the
    /// text, overlapping or unsorted are put in order and clipped; a range
    /// that splits a character takes the whole character.
    pub fn with_blanked(mut self, mut blanked: Vec<Range<usize>>) -> Source {
        let len = self.text.len();
        blanked.retain(|r| r.start < r.end && r.start < len);
        blanked.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(blanked.len());
        for r in blanked {
            // Whole characters only: out to the boundaries around the range.
            let (mut start, mut end) = (r.start, r.end.min(len));
            while !self.text.is_char_boundary(start) {
                start -= 1;
            }
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            let r = start..end;
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        self.blanked = merged;
        self
    }

    /// The kind of file the text was read from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The encoding the text was decoded from, if it was.
    pub fn encoding(&self) -> Option<&str> {
        self.encoding.as_deref()
    }

    /// What the spans into this report index.
    pub fn spans(&self) -> Spans {
        match (self.format, &self.encoding) {
            (Format::Html, _) => Spans::Extracted,
            (_, Some(_)) => Spans::Decoded,
            _ => Spans::File,
        }
    }

    /// The text of `span` as a reader sees it: without blanked markup
    /// ([`Source::with_blanked`]). Empty when `span` does not fit the text.
    pub fn read(&self, span: Range<usize>) -> Cow<'_, str> {
        let Some(piece) = self.text.get(span.clone()) else {
            return Cow::Borrowed("");
        };
        let first = self.blanked.partition_point(|r| r.end <= span.start);
        let inside = &self.blanked[first..];
        if inside.first().is_none_or(|r| r.start >= span.end) {
            return Cow::Borrowed(piece);
        }
        let mut out = String::with_capacity(piece.len());
        let mut at = span.start;
        for r in inside.iter().take_while(|r| r.start < span.end) {
            out.push_str(self.text.get(at..r.start.max(at)).unwrap_or(""));
            at = r.end.clamp(at, span.end);
        }
        out.push_str(self.text.get(at..span.end).unwrap_or(""));
        Cow::Owned(out)
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

#[cfg(test)]
mod tests {
    use super::Source;

    /// What a span reads with blanked markup, as a table.
    #[test]
    #[allow(clippy::single_range_in_vec_init)] // one blanked range, not a range of ranges
    fn read_leaves_blanked_markup_out() {
        type Case = (
            &'static str,
            &'static [std::ops::Range<usize>],
            std::ops::Range<usize>,
            &'static str,
        );
        let cases: &[Case] = &[
            (
                "see the **report**.",
                &[8..10, 16..18],
                0..19,
                "see the report.",
            ),
            ("see the **report**.", &[], 0..19, "see the **report**."),
            // Unsorted and overlapping ranges are put in order and merged.
            ("ab**cd**", &[6..8, 2..4, 3..4], 0..8, "abcd"),
            // A span starting or ending inside a blanked range.
            ("ab**cd**ef", &[2..4, 6..8], 3..7, "cd"),
            // Out of the text: clipped.
            ("abc", &[2..10], 0..3, "ab"),
            // A range splitting a character takes the whole character.
            ("é**b**", &[1..4], 0..7, "b**"),
            // A span off the text or off a boundary reads nothing.
            ("abc", &[], 2..9, ""),
            ("é", &[], 1..2, ""),
        ];
        for (text, blanked, span, expected) in cases {
            let source = Source::new("t", *text).with_blanked(blanked.to_vec());
            assert_eq!(
                source.read(span.clone()),
                *expected,
                "{text:?} {blanked:?} {span:?}"
            );
        }
    }
}
