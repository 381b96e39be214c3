//! Web links in the detail pane: where they are drawn (for the loop to
//! mark them as OSC 8 hyperlinks after each frame) and `o`, which opens one
//! with the system opener. `o` opens the first link on screen; pressed again
//! straight away it opens the next one on screen, then the document's others
//! (scrolled away, or cut by the wrapping), and so on round.
//!
//! Only `http://` and `https://` URLs are offered, checked by [`openable`]:
//! they come from data and end up as an argument of another program.
//! Links to places of the catalogue (numbers, UEs, ROME codes) are
//! `follow.rs`'s.

use unicode_width::UnicodeWidthStr;

use super::view::detail::{self, DocLine};
use super::view::strings as s;
use super::{App, Effect, Mode, Pane};

/// Longest URL offered: real ones are far shorter; a longer one is suspect.
const MAX_URL: usize = 2048;

/// A link drawn on screen: `width` cells from (`x`, `y`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRect {
    pub url: String,
    pub x: u16,
    pub y: u16,
    pub width: u16,
}

/// True for a URL safe to hand to the opener as one argument: http(s), no
/// space or control character, no leading `-` (never taken for an option).
pub fn openable(url: &str) -> bool {
    (url.starts_with("http://") || url.starts_with("https://"))
        && url.len() > "https://".len()
        && url.len() <= MAX_URL
        && !url.starts_with('-')
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Byte ranges of the http(s) URLs in `text`. A URL ends at a space or a
/// character URLs do not carry in prose (« » < > " …); trailing punctuation
/// belongs to the sentence.
pub fn find_urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = ["http://", "https://"]
        .iter()
        .filter_map(|scheme| text[from..].find(scheme).map(|i| from + i))
        .min()
    {
        let rest = &text[found..];
        let mut end = rest
            .find(|c: char| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '«' | '»' | '<' | '>' | '"' | '\u{a0}')
            })
            .unwrap_or(rest.len());
        while end > 0 && rest[..end].ends_with(['.', ',', ';', ':', ')', '!', '?', '\'']) {
            end -= 1;
        }
        let url = &rest[..end];
        if openable(url) {
            out.push((found, found + end));
        }
        from = found + end.max(1);
    }
    out
}

/// Every openable URL of a detail document, in reading order, once each.
pub fn document_urls(doc: &[DocLine]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in doc {
        let text: String = line.spans.iter().map(|(_, t)| t.as_str()).collect();
        for (a, b) in find_urls(&text) {
            if !out.iter().any(|u| u == &text[a..b]) {
                out.push(text[a..b].to_string());
            }
        }
    }
    out
}

impl App {
    /// The links drawn in the detail pane now, whole: a URL cut by the
    /// wrapping is left out (the part drawn would be a wrong link). None
    /// while a popup or another view covers the pane.
    pub fn visible_links(&self) -> Vec<LinkRect> {
        if self.popup.is_some() || self.mode != Mode::Browse {
            return Vec::new();
        }
        let Some(inner) = self.layout.inner(Pane::Detail) else {
            return Vec::new();
        };
        let kept = self.detail_lines(usize::from(inner.width));
        let urls = document_urls(&detail::document(self));
        if urls.is_empty() {
            return Vec::new();
        }
        let height = usize::from(inner.height);
        let scroll = self
            .view()
            .detail_scroll
            .min(kept.lines.len().saturating_sub(height));
        let mut out = Vec::new();
        for (row, line) in kept.lines.iter().skip(scroll).take(height).enumerate() {
            let text: String = line.iter().map(|(_, t)| t.as_str()).collect();
            for (a, b) in find_urls(&text) {
                let url = &text[a..b];
                if !urls.iter().any(|u| u == url) {
                    continue;
                }
                let (Ok(dx), Ok(width), Ok(dy)) = (
                    u16::try_from(text[..a].width()),
                    u16::try_from(url.width()),
                    u16::try_from(row),
                ) else {
                    continue;
                };
                if dx.saturating_add(width) > inner.width {
                    continue;
                }
                out.push(LinkRect {
                    url: url.to_string(),
                    x: inner.x + dx,
                    y: inner.y + dy,
                    width,
                });
            }
        }
        out
    }
}

/// `o`: opens the next link (see the module's note) and says which.
pub(super) fn open(app: &mut App) {
    let mut candidates: Vec<String> = Vec::new();
    for link in app.visible_links() {
        if !candidates.contains(&link.url) {
            candidates.push(link.url);
        }
    }
    // Then the document's others: scrolled away, or cut by the wrapping
    // in a narrow pane, they still open.
    if app.mode == Mode::Browse && app.popup.is_none() {
        for url in document_urls(&detail::document(app)) {
            if !candidates.contains(&url) {
                candidates.push(url);
            }
        }
    }
    if candidates.is_empty() {
        app.notice = Some(s::NO_LINK.to_string());
        app.link_turn = None;
        return;
    }
    let turn = app.link_turn.map_or(0, |t| (t + 1) % candidates.len());
    let url = candidates.swap_remove(turn);
    app.notice = Some(s::opening(&url, turn + 1, candidates.len() + 1));
    app.link_turn = Some(turn);
    app.effects.push(Effect::Open(url));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_end_at_spaces_and_sentence_punctuation() {
        let text = "voir http://a.fr/x ; https://b.org/y. et (http://c.net/z)";
        let found: Vec<&str> = find_urls(text).iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            found,
            ["http://a.fr/x", "https://b.org/y", "http://c.net/z"]
        );
    }

    #[test]
    fn only_plain_http_urls_are_openable() {
        assert!(openable("https://www.francecompetences.fr/"));
        assert!(!openable("ftp://x.fr"));
        assert!(!openable("-https://x.fr"));
        assert!(!openable("https://x.fr/\u{1b}]52"));
        assert!(!openable("https://x.fr/a b"));
        assert!(!openable("https://"));
        assert!(!openable("javascript:alert(1)"));
        assert!(find_urls("http://").is_empty());
    }
}
