//! The partners popup (`p`) of a registry fiche: the organisations
//! habilitated to train and/or assess, filtered as you type (name, SIRET or
//! SIREN), and — when the filter is a whole SIRET or SIREN — the answer to
//! "is it habilitated here, for which role?", by the rule of the
//! `partners` engine, the one `rncp-explorer partners` applies.

use super::list::{ListCursor, follow};
use super::view::layout;
use super::view::strings as s;
use super::{Action, App, Popup};
use crate::model::FicheId;
use crate::model::registry::Record;
use crate::partners::{self, Answer, Who};

/// Longest filter kept: a name or a number is far shorter.
const MAX_QUERY: usize = 200;

/// The popup's state: the fiche whose partners it lists, the filter, the
/// matching partners (indices into `Record::partners`) and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnersPopup {
    pub fiche: FicheId,
    pub query: String,
    pub rows: Vec<usize>,
    pub list: ListCursor,
}

impl PartnersPopup {
    pub fn new(fiche: FicheId, record: &Record) -> PartnersPopup {
        PartnersPopup {
            fiche,
            query: String::new(),
            rows: (0..record.partners.len()).collect(),
            list: ListCursor::default(),
        }
    }

    /// The organisation the filter names, and whether it is habilitated.
    pub fn answer(&self, record: &Record) -> Option<(Who, Answer)> {
        let who = Who::parse(&self.query)?;
        let answer = partners::answer(record, &who);
        Some((who, answer))
    }

    fn refilter(&mut self, record: &Record) {
        self.rows = partners::matching(record, &self.query);
        self.list = ListCursor::default();
    }
}

/// The record of the fiche the popup is about.
pub fn record<'a>(app: &'a App, popup: &PartnersPopup) -> Option<&'a Record> {
    (popup.fiche.index() < app.catalogue.len())
        .then(|| app.catalogue.get(popup.fiche).registry.as_deref())
        .flatten()
}

/// `p`: opens the popup on the fiche on screen, or says why not.
pub(super) fn open(app: &mut App) {
    match app.fiche().registry.as_deref() {
        Some(record) => {
            let popup = PartnersPopup::new(app.current, record);
            app.popup = Some(Popup::Partners(Box::new(popup)));
        }
        None => app.notice = Some(s::PARTNERS_UNKNOWN.to_string()),
    }
}

/// Rows of partners the popup shows at once.
pub fn page(app: &App) -> usize {
    layout::partners_area(app.layout.area).map_or(1, |a| usize::from(a.list.height).max(1))
}

pub(super) fn handle(app: &mut App, action: Action) {
    let page = page(app);
    let area = layout::partners_area(app.layout.area);
    let catalogue = std::sync::Arc::clone(&app.catalogue);
    let Some(Popup::Partners(popup)) = &mut app.popup else {
        return;
    };
    let Some(record) = (popup.fiche.index() < catalogue.len())
        .then(|| catalogue.get(popup.fiche).registry.as_deref())
        .flatten()
    else {
        app.popup = None;
        return;
    };
    let len = popup.rows.len();
    match action {
        Action::Close | Action::OpenPartners => {
            app.popup = None;
        }
        Action::SearchInput(c) => {
            if popup.query.chars().count() < MAX_QUERY {
                popup.query.push(c);
                popup.refilter(record);
            }
        }
        Action::SearchBackspace => {
            popup.query.pop();
            popup.refilter(record);
        }
        Action::SearchClear => {
            popup.query.clear();
            popup.refilter(record);
        }
        Action::SearchDeleteWord => {
            let kept = popup.query.trim_end().len();
            let start = popup.query[..kept].rfind(' ').map_or(0, |i| i + 1);
            popup.query.truncate(start);
            popup.refilter(record);
        }
        Action::Wheel { down, .. } => popup.list.wheel(down, len, page),
        Action::Click { column, row } => {
            let Some(area) = area else {
                return;
            };
            if !layout::contains(area.popup, column, row) {
                app.popup = None;
            } else if layout::contains(area.list, column, row) {
                let offset = follow(popup.list.offset, popup.list.selected, page, len);
                let index = offset + usize::from(row - area.list.y);
                if index < len {
                    popup.list.selected = index;
                    popup.list.offset = offset;
                }
            }
        }
        other => {
            popup.list.step(other, len, page);
        }
    }
}

/// A paste into the open popup (a SIRET copied from a document): added to
/// the filter, line breaks as spaces, refused characters dropped.
pub(super) fn paste(app: &mut App, text: &str) {
    let catalogue = std::sync::Arc::clone(&app.catalogue);
    let Some(Popup::Partners(popup)) = &mut app.popup else {
        return;
    };
    let Some(record) = (popup.fiche.index() < catalogue.len())
        .then(|| catalogue.get(popup.fiche).registry.as_deref())
        .flatten()
    else {
        return;
    };
    let room = MAX_QUERY.saturating_sub(popup.query.chars().count());
    let clean: String = text
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !crate::model::is_forbidden(*c))
        .take(room)
        .collect();
    if !clean.is_empty() {
        popup.query.push_str(&clean);
        popup.refilter(record);
    }
}
