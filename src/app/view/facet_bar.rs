//! What the facet bar shows where: each facet as a chip (its name, its value,
//! its counts for the current query), laid out on one or two lines at the
//! most detailed form that fits; and the rows of an open facet menu. The
//! renderer and mouse handling both read this, so a click lands on the chip
//! drawn under it.

use super::strings as s;
use super::wrap::width_of;
use crate::app::facet_bar::{FacetBar, FacetOption, FacetValue};
use crate::model::Repertoire;
use crate::model::facets::Dimension;

/// Columns between two chips.
pub const GAP: usize = 2;

/// How much a chip says, most first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// "Répertoire : tous · RNCP 8 · RS 5"
    Full,
    /// "Rép. tous · RNCP 8 · RS 5"
    Counted,
    /// "Rép. tous (13)"
    Medium,
    /// "Rép. tous"
    Short,
    /// "Rép." (unset), "Niv. 7" (set).
    Tiny,
}

/// One facet in the bar, in parts styled apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub dimension: Dimension,
    /// "Répertoire : " or "Rép. ".
    pub name: String,
    pub value: String,
    /// " · RNCP 8 · RS 5", or empty.
    pub counts: String,
    /// The facet narrows the fiches (beyond the screen's default).
    pub set: bool,
    /// Where it is drawn: line of the bar and first column.
    pub line: u16,
    pub x: u16,
}

impl Chip {
    pub fn width(&self) -> usize {
        width_of(&self.name) + width_of(&self.value) + width_of(&self.counts)
    }
}

/// The chips of `bar` on `width` columns and at most `lines` lines, at the
/// most detailed form that fits; the tiniest otherwise, the chips that do
/// not fit left on the last line (the renderer cuts what overflows).
pub fn chips(bar: &FacetBar, width: usize, lines: u16) -> Vec<Chip> {
    let mut last = Vec::new();
    for detail in [
        Detail::Full,
        Detail::Counted,
        Detail::Medium,
        Detail::Short,
        Detail::Tiny,
    ] {
        let mut chips: Vec<Chip> = Dimension::ALL
            .iter()
            .map(|d| chip(bar, *d, detail))
            .collect();
        if place(&mut chips, width, lines) {
            return chips;
        }
        last = chips;
    }
    let last_line = lines.saturating_sub(1);
    let mut end = None;
    for chip in &mut last {
        if chip.line > last_line {
            chip.line = last_line;
            chip.x = u16::try_from(end.map_or(0, |e| e + GAP)).unwrap_or(u16::MAX);
        }
        if chip.line == last_line {
            end = Some(usize::from(chip.x) + chip.width());
        }
    }
    last
}

/// Lines the bar takes on `width` columns, at most `max` (1 at least).
pub fn lines_needed(bar: &FacetBar, width: usize, max: u16) -> u16 {
    chips(bar, width, max)
        .iter()
        .map(|c| c.line + 1)
        .max()
        .unwrap_or(1)
        .clamp(1, max.max(1))
}

/// The facet whose chip is at (`x`, `line`) of the bar.
pub fn chip_at(bar: &FacetBar, width: usize, lines: u16, x: u16, line: u16) -> Option<Dimension> {
    chips(bar, width, lines)
        .into_iter()
        .find(|c| c.line == line && x >= c.x && usize::from(x - c.x) < c.width())
        .map(|c| c.dimension)
}

/// Lays `chips` out greedily on `lines` lines of `width`; false when they
/// do not all fit.
fn place(chips: &mut [Chip], width: usize, lines: u16) -> bool {
    let (mut line, mut x) = (0u16, 0usize);
    for chip in chips.iter_mut() {
        let w = chip.width();
        let start = if x == 0 { 0 } else { x + GAP };
        if start + w > width && x > 0 {
            line += 1;
            x = 0;
        }
        let start = if x == 0 { 0 } else { x + GAP };
        chip.line = line;
        chip.x = u16::try_from(start).unwrap_or(u16::MAX);
        x = start + w;
    }
    line < lines && x <= width
}

fn chip(bar: &FacetBar, dimension: Dimension, detail: Detail) -> Chip {
    let (long, short) = s::facet_name(dimension);
    let name = match detail {
        Detail::Full => format!("{long} : "),
        _ => format!("{short} "),
    };
    let set = bar.is_set(dimension);
    let value = match detail {
        Detail::Tiny if !set => String::new(),
        Detail::Full | Detail::Counted => cut(&s::facet_value(&bar.current_value(dimension)), 32),
        _ => cut(&s::facet_value(&bar.current_value(dimension)), 16),
    };
    let name = match detail {
        Detail::Tiny if !set => short.to_string(),
        _ => name,
    };
    let counts = match detail {
        _ if !bar.counted => String::new(),
        Detail::Full | Detail::Counted => {
            let full = full_counts(bar, dimension);
            if full.is_empty() {
                full
            } else {
                format!(" · {full}")
            }
        }
        Detail::Medium if set => format!(" {}", s::facet_total(bar.counts.total)),
        _ => String::new(),
    };
    Chip {
        dimension,
        name,
        value,
        counts,
        set,
        line: 0,
        x: 0,
    }
}

/// `text` cut to `max` columns, ending in "…" when something was cut (a
/// certifier's long name must not push the other facets off the bar).
fn cut(text: &str, max: usize) -> String {
    if width_of(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width_of(&out) + width_of(c.encode_utf8(&mut [0; 4])) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// What each value of `dimension` gives, for the full chip.
fn full_counts(bar: &FacetBar, dimension: Dimension) -> String {
    let c = &bar.counts;
    let set = bar.is_set(dimension);
    match dimension {
        Dimension::Repertoire => [Repertoire::Rncp, Repertoire::Rs]
            .into_iter()
            .map(|r| format!("{} {}", r.prefix(), s::grouped(c.of_repertoire(r))))
            .collect::<Vec<_>>()
            .join(" · "),
        Dimension::Level => c
            .level
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(l, n)| s::facet_level_count(*l, *n))
            .collect::<Vec<_>>()
            .join(" · "),
        Dimension::Active => s::facet_states(c.active, c.inactive, c.unknown_state),
        Dimension::Nsf if !set => s::facet_distinct(dimension, c.nsf.len()),
        Dimension::Rome if !set => s::facet_distinct(dimension, c.rome.len()),
        Dimension::Certifier if !set => s::facet_distinct(dimension, c.certifier.len()),
        Dimension::Nsf | Dimension::Rome | Dimension::Certifier => s::facet_total(c.total),
    }
}

/// One row of an open menu, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuRow {
    pub label: String,
    /// The count on the right, empty when unknown.
    pub count: String,
    /// The value in force.
    pub current: bool,
}

/// The open menu's rows.
pub fn menu_rows(bar: &FacetBar) -> Vec<MenuRow> {
    let labels = bar.labels.as_deref();
    let Some(menu) = &bar.menu else {
        return Vec::new();
    };
    let current = bar.current_value(menu.dimension);
    bar.options()
        .into_iter()
        .map(
            |FacetOption {
                 value,
                 count,
                 typed,
             }| MenuRow {
                label: match (&value, labels) {
                    // A code with its label, when the fiches give one.
                    (FacetValue::Nsf(Some(code)), Some(l)) if !typed => {
                        s::facet_code(code, l.nsf(code))
                    }
                    (FacetValue::Rome(Some(code)), Some(l)) if !typed => {
                        s::facet_code(code, l.rome(code))
                    }
                    _ => s::facet_option(&value, typed),
                },
                count: count.map(s::grouped).unwrap_or_default(),
                current: value == current && !typed,
            },
        )
        .collect()
}

/// The first menu row shown when the menu shows `rows` rows.
pub fn menu_offset(bar: &FacetBar, rows: usize) -> usize {
    bar.menu.as_ref().map_or(0, |menu| {
        crate::app::list::follow(
            menu.list.offset,
            menu.list.selected,
            rows,
            bar.options().len(),
        )
    })
}

/// The column of the open menu's chip, where the menu drops from.
pub fn menu_anchor(bar: &FacetBar, width: usize, lines: u16) -> (u16, u16) {
    let Some(menu) = &bar.menu else {
        return (0, 0);
    };
    chips(bar, width, lines)
        .into_iter()
        .find(|c| c.dimension == menu.dimension)
        .map_or((0, 0), |c| (c.x, c.line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facets::{FacetCounts, Facets};

    fn bar() -> FacetBar {
        let mut bar = FacetBar::new(Facets {
            include_inactive: true,
            ..Facets::default()
        });
        bar.set_counts(FacetCounts {
            total: 13,
            repertoire: vec![(Repertoire::Rncp, 8), (Repertoire::Rs, 5)],
            level: vec![(Some(5), 2), (Some(7), 3), (None, 5)],
            active: 9,
            inactive: 4,
            unknown_state: 0,
            nsf: vec![("326".into(), 3)],
            rome: vec![("M1805".into(), 2), ("M1810".into(), 1)],
            certifier: vec![("Université de Lille".into(), 2)],
        });
        bar
    }

    fn text(chips: &[Chip]) -> Vec<String> {
        chips
            .iter()
            .map(|c| format!("{}{}{}", c.name, c.value, c.counts))
            .collect()
    }

    #[test]
    fn wide_bars_say_every_count_narrow_ones_the_values() {
        let bar = bar();
        let wide = chips(&bar, 200, 1);
        assert_eq!(
            text(&wide),
            [
                "Répertoire : tous · RNCP 8 · RS 5",
                "Niveau : tous · 5 (2) · 7 (3) · sans (5)",
                "État : toutes · 9 actives · 4 inactives",
                "NSF : tous · 1 code",
                "ROME : tous · 2 codes",
                "Certificateur : tous · 1 certificateur",
            ]
        );
        let narrow = chips(&bar, 70, 1);
        assert_eq!(
            text(&narrow),
            [
                "Rép. tous",
                "Niv. tous",
                "État toutes",
                "NSF tous",
                "ROME tous",
                "Certif. tous"
            ]
        );
        assert!(narrow.iter().all(|c| c.line == 0));
        let tiny = chips(&bar, 40, 1);
        assert_eq!(
            text(&tiny),
            ["Rép.", "Niv.", "État", "NSF", "ROME", "Certif."]
        );
        let cut = chips(&bar, 20, 1);
        assert!(
            cut.iter().all(|c| c.line == 0),
            "cut, never on a line not drawn"
        );
        let two = chips(&bar, 120, 2);
        assert!(two.iter().all(|c| !c.counts.is_empty()), "{:?}", text(&two));
        assert_eq!(lines_needed(&bar, 120, 2), 2, "every count on two lines");
        assert_eq!(lines_needed(&bar, 120, 1), 1);
    }

    #[test]
    fn clicks_find_the_chip_drawn_there() {
        let bar = bar();
        let chips = chips(&bar, 70, 1);
        let rome = chips
            .iter()
            .find(|c| c.dimension == Dimension::Rome)
            .unwrap();
        assert_eq!(chip_at(&bar, 70, 1, rome.x, 0), Some(Dimension::Rome));
        assert_eq!(chip_at(&bar, 70, 1, rome.x - 1, 0), None, "the gap");
        assert_eq!(chip_at(&bar, 70, 1, 0, 1), None);
    }

    #[test]
    fn a_set_facet_counts_what_it_gives() {
        let mut bar = bar();
        bar.facets.level = Some(7);
        bar.counts.total = 3;
        let medium = chips(&bar, 80, 1);
        let level = medium
            .iter()
            .find(|c| c.dimension == Dimension::Level)
            .unwrap();
        assert!(level.set);
        assert_eq!(
            format!("{}{}{}", level.name, level.value, level.counts),
            "Niv. 7 (3)"
        );
    }
}
