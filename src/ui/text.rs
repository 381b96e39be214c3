//! Width-aware text fitting: ellipsis, padding, left/right rows. Widths are
//! display columns (unicode-width), so accents and wide characters align.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub const ELLIPSIS: &str = "…";

pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` cut to `max` columns, ending in "…" when something was cut.
pub fn fit(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push_str(ELLIPSIS);
    out
}

/// Spans cut to `max` columns in total, with an ellipsis where the cut falls.
pub fn fit_spans(spans: Vec<Span<'static>>, max: usize) -> (Vec<Span<'static>>, usize) {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    if total <= max {
        return (spans, total);
    }
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = width(&span.content);
        if used + w < max {
            used += w;
            out.push(span);
            continue;
        }
        // Text follows this span: when the span exactly fills the room,
        // `fit` alone would keep it whole and the cut would not show.
        let cut = fit(&format!("{}{ELLIPSIS}", span.content), max - used);
        used += width(&cut);
        out.push(Span::styled(cut, span.style));
        break;
    }
    (out, used)
}

/// One list row exactly `total` columns wide: `left` (ellipsized if needed),
/// padding, then `right`, all under `base` style (the selection highlight).
pub fn row(
    left: Vec<Span<'static>>,
    right: Vec<Span<'static>>,
    total: usize,
    base: Style,
) -> Line<'static> {
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let (right, right_width) = if right_width + 4 > total {
        (Vec::new(), 0)
    } else {
        (right, right_width)
    };
    let gap = usize::from(right_width > 0);
    let (mut spans, used) = fit_spans(left, total.saturating_sub(right_width + gap));
    let pad = total.saturating_sub(used + right_width);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans).style(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_that_fills_the_room_still_shows_the_cut() {
        let spans = vec![Span::raw("abc"), Span::raw("de"), Span::raw("fgh")];
        let (out, used) = fit_spans(spans, 5);
        let text: String = out.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!((text.as_str(), used), ("abcd…", 5));
    }

    #[test]
    fn fit_counts_display_columns() {
        assert_eq!(fit("Démocratie", 10), "Démocratie");
        assert_eq!(fit("Démocratie participative", 10), "Démocrati…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(width(&fit("Ingénierie de projet", 7)), 7);
    }

    #[test]
    fn rows_fill_the_width_exactly() {
        for total in 0..30 {
            let line = row(
                vec![Span::raw("Politique et action publique locales")],
                vec![Span::raw("8 ECTS")],
                total,
                Style::new(),
            );
            let w: usize = line.spans.iter().map(|s| width(&s.content)).sum();
            assert_eq!(w, total);
        }
    }
}
