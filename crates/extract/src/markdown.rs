//! Markdown read as what it renders to, with every byte where it was.
//!
//! pulldown-cmark (CommonMark) gives each piece of text its source range;
//! every byte outside those ranges — `#` and `**` marks, link targets,
//! list markers, code blocks, raw HTML, front matter — is blanked to a
//! space (line ends kept), so the text has the file's length and every
//! span indexes the file byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::Markdown;

/// Reads `text` as CommonMark (see the module docs).
pub(crate) fn read(text: &str) -> Markdown {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES;
    // Byte ranges of text that is read; everything else is blanked.
    let mut kept: Vec<Range<usize>> = Vec::new();
    let mut front_matter = None;
    let mut in_metadata = false;
    // Code blocks and raw HTML are not prose; headings end a paragraph.
    let mut in_code = 0usize;
    let mut in_image = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                in_metadata = true;
                front_matter = Some((kind, String::new()));
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) if in_metadata => {
                if let Some((_, body)) = front_matter.as_mut() {
                    body.push_str(&t);
                }
            }
            Event::Text(_) | Event::Code(_) if in_code == 0 && in_image == 0 => {
                kept.push(inner(text, range, &event));
            }
            Event::SoftBreak | Event::HardBreak => kept.push(range),
            _ => {}
        }
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut blanked = Vec::new();
    let mut at = 0;
    kept.sort_by_key(|r| r.start);
    for range in kept
        .iter()
        .chain(std::iter::once(&(text.len()..text.len())))
    {
        if range.start > at {
            blank(&mut bytes, at..range.start, &mut blanked);
        }
        at = at.max(range.end);
    }
    // Every byte of a gap but line ends became a space, and gaps start and
    // end where pieces of text do, on character boundaries: still UTF-8.
    let read = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    let (title, date) = front_matter
        .map(|(kind, body)| metadata(kind, &body))
        .unwrap_or_default();
    Markdown {
        text: read,
        blanked,
        title,
        date,
    }
}

/// The source range of a text event's own characters: an inline code
/// span's range includes its backticks.
fn inner(text: &str, range: Range<usize>, event: &Event<'_>) -> Range<usize> {
    if let Event::Code(code) = event {
        let piece = &text[range.clone()];
        if let Some(i) = piece.find(code.as_ref()) {
            return range.start + i..range.start + i + code.len();
        }
    }
    range
}

/// Replaces the bytes of `range` by spaces, keeping line ends (so that
/// paragraphs stay apart), and records the blanked pieces.
fn blank(bytes: &mut [u8], range: Range<usize>, blanked: &mut Vec<Range<usize>>) {
    let mut start = None;
    for i in range.clone() {
        if matches!(bytes[i], b'\n' | b'\r') {
            if let Some(s) = start.take() {
                blanked.push(s..i);
            }
        } else {
            if !bytes[i].is_ascii_whitespace() && start.is_none() {
                start = Some(i);
            }
            if start.is_none() {
                continue;
            }
            bytes[i] = b' ';
        }
    }
    if let Some(s) = start {
        blanked.push(s..range.end);
    }
}

/// `title` and `date` of YAML (`---`) or TOML (`+++`) front matter, read
/// as `key: value` or `key = value` lines.
fn metadata(kind: MetadataBlockKind, body: &str) -> (Option<String>, Option<String>) {
    let separator = match kind {
        MetadataBlockKind::YamlStyle => ':',
        MetadataBlockKind::PlusesStyle => '=',
    };
    let mut title = None;
    let mut date = None;
    for line in body.lines() {
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "title" if title.is_none() => title = Some(value.to_string()),
            "date" if date.is_none() => date = Some(value.to_string()),
            _ => {}
        }
    }
    (title, date)
}
