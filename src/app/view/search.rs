//! What the search popup shows where, for the renderer and for mouse
//! clicks alike, so a click lands on what is drawn under it.

use crate::app::search::{Picker, SearchPopup};
use crate::app::view::strings as s;
use crate::app::view::wrap::width_of;
use crate::model::{Catalogue, ParcoursRef};
use crate::search::{Entry, Filter, Kind, Location, Mode};

/// A kind-filter chip on the filter line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub text: String,
    /// The filter in force.
    pub active: bool,
    /// The filter a click on the chip selects.
    pub on_click: Filter,
}

/// Columns the filter line keeps for the count when deciding whether every
/// chip fits: a count of the fiche's size ("144 résultats")…
const COUNT_ROOM: usize = 13;
/// …or of a catalogue's ("200 premières sur 1 234").
const CATALOGUE_COUNT_ROOM: usize = 24;

/// The right end of the filter line, in at most `room` columns: the result
/// count (shorter if it must be), "recherche…", or "indexation…" while the
/// index is not `ready`.
pub fn count_label(popup: &SearchPopup, room: usize, ready: bool) -> String {
    let (shown, total) = (popup.results.hits.len(), popup.results.total);
    // In item mode the fiches answering are those the facets counted.
    let fiches = match popup.mode {
        Mode::Certifications => popup.results.fiche_total,
        Mode::Items => popup.results.counts.total,
    };
    let candidates = if !ready {
        vec![s::SEARCH_INDEXING_SHORT.to_string()]
    } else if popup.searching() {
        vec![s::SEARCH_RUNNING.to_string()]
    } else if popup.mode == Mode::Certifications && popup.results.partial {
        // No fiche has every word: say so rather than pass them for answers.
        let shown = popup.results.certifications.len();
        s::certifications_partial(shown, fiches).into()
    } else if popup.mode == Mode::Certifications {
        let shown = popup.results.certifications.len();
        vec![
            s::certifications_count(shown, fiches),
            s::search_count_short(shown, fiches),
        ]
    } else if popup.bar.is_some() && total > 0 {
        vec![
            s::items_in_fiches(&s::search_count(shown, total), fiches),
            s::search_count(shown, total),
            s::search_count_short(shown, total),
        ]
    } else {
        vec![
            s::search_count(shown, total),
            s::search_count_short(shown, total),
        ]
    };
    candidates
        .into_iter()
        .find(|label| width_of(label) <= room)
        .unwrap_or_default()
}

/// The filter line's chips on `width` columns: every kind filter when they
/// fit beside a count; else only the one in force, marked as leading to
/// the next (as Tab does), so it is never cut out of sight. Depends on the
/// width alone, so the line does not change shape while typing.
pub fn chips(popup: &SearchPopup, kinds: &[Kind], width: usize) -> Vec<Chip> {
    let mut all = Vec::new();
    let mut filter = Filter::All;
    let next = |filter: Filter| match popup.bar {
        Some(_) => filter.cycle_in(kinds),
        None => filter.cycle(),
    };
    loop {
        all.push(Chip {
            text: format!(" {} ", filter.label()),
            active: filter == popup.filter,
            on_click: filter,
        });
        filter = next(filter);
        if filter == Filter::All {
            break;
        }
    }
    let room = match popup.bar {
        Some(_) => CATALOGUE_COUNT_ROOM,
        None => COUNT_ROOM,
    };
    if chips_width(&all) + 1 + room <= width {
        return all;
    }
    vec![Chip {
        text: format!(" {} {} ", popup.filter.label(), s::SEARCH_NEXT_FILTER),
        active: true,
        on_click: next(popup.filter),
    }]
}

pub fn chips_width(chips: &[Chip]) -> usize {
    chips.iter().map(|c| width_of(&c.text)).sum()
}

/// The filter a click at column `x` of the filter line selects.
pub fn filter_at(popup: &SearchPopup, kinds: &[Kind], width: usize, x: usize) -> Option<Filter> {
    let mut end = 0;
    chips(popup, kinds, width).into_iter().find_map(|chip| {
        end += width_of(&chip.text);
        (x < end).then_some(chip.on_click)
    })
}

/// The query line on `width` columns: the terminal cursor's column, and
/// how many columns of the query scroll out on the left so it stays
/// visible (the prompt never scrolls).
pub fn query_view(popup: &SearchPopup, width: usize) -> (usize, usize) {
    let before: String = popup.input.chars().take(popup.cursor).collect();
    let cursor_x = width_of(s::SEARCH_PROMPT) + width_of(&before);
    let skip = (cursor_x + 1).saturating_sub(width);
    (cursor_x - skip, skip)
}

/// The cursor position (in chars) for a click at column `x` of the query
/// line: before the char under the pointer, at the end past the text.
pub fn query_cursor_at(popup: &SearchPopup, width: usize, x: usize) -> usize {
    let (_, skip) = query_view(popup, width);
    let Some(column) = (x + skip).checked_sub(width_of(s::SEARCH_PROMPT)) else {
        return 0;
    };
    let mut end = 0;
    popup
        .input
        .chars()
        .position(|c| {
            end += width_of(c.encode_utf8(&mut [0; 4]));
            column < end
        })
        .unwrap_or_else(|| popup.input.chars().count())
}

/// The first result shown when the list has room for `rows` results (the
/// stored offset, moved if a resize left the cursor outside).
pub fn results_offset(popup: &SearchPopup, rows: usize) -> usize {
    crate::app::list::follow(popup.list.offset, popup.list.selected, rows, popup.rows())
}

/// The first parcours the picker shows when its list has `rows` rows.
pub fn picker_offset(picker: &Picker, rows: usize) -> usize {
    crate::app::list::follow(0, picker.list.selected, rows, picker.parcours.len())
}

/// Where an entry is: its parcours' short names ("tous les parcours" when
/// it is in all of them), and for UEs and courses the UE code each group of
/// parcours has it under ("UE 13 · Communication, Urbain ; UE 14 · Europe"):
/// a grouped result never claims one place for all its parcours. Names stop
/// once they overflow `room`, so an item of thousands of parcours costs what
/// is shown.
pub fn place_label(catalogue: &Catalogue, entry: &Entry, room: usize) -> String {
    let all = catalogue.get(entry.fiche).parcours.len();
    let mut groups: Vec<(Option<&str>, Vec<ParcoursRef>)> = Vec::new();
    for p in &entry.parcours {
        let code = entry.place_in(*p).and_then(|place| match &place.at {
            Location::Ue(ue) | Location::Course { ue, .. } => Some(ue.code.as_str()),
            Location::Item { .. } => None,
        });
        match groups.iter_mut().find(|(c, _)| *c == code) {
            Some((_, members)) => members.push(*p),
            None => groups.push((code, vec![*p])),
        }
    }
    let mut out = String::new();
    for (code, members) in &groups {
        if !out.is_empty() {
            out.push_str(" ; ");
        }
        if let Some(code) = code {
            out.push_str(code);
            out.push_str(" · ");
        }
        if members.len() == all && all > 1 {
            out.push_str(s::SEARCH_ALL_PARCOURS);
            continue;
        }
        for (i, p) in members
            .iter()
            .filter_map(|&p| catalogue.parcours(p))
            .enumerate()
        {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&p.short_label());
            if width_of(&out) > room {
                return out;
            }
        }
    }
    out
}
