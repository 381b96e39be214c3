//! What the detail pane says about the focused item, as a small styled
//! document (wrapped to a width by `wrap`). Pure: the UI only paints it.

mod fiche;
mod maquette;
mod parcours;
mod registry;

use super::Tone;
use super::strings as s;
use crate::app::App;
use crate::app::tree::{self, NodeId, Selection};
use crate::check::Finding;
use crate::model::{FicheId, SemesterRef};

pub use super::wrap::{Wrapped, wrap, wrap_starts};
pub use maquette::{course_spans, sharing_parcours, teaching_parcours};
pub use registry::document as registry_document;

/// What the detail pane is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Fiche,
    Parcours(usize),
    Node(Selection, NodeId),
}

/// One logical line; `bullet` lines get a "• " mark and a hanging indent,
/// `sub` lines (a list inside a bullet's list) an indented "◦ " and a
/// deeper hanging indent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    pub spans: Vec<(Tone, String)>,
    pub bullet: bool,
    pub sub: bool,
}

/// Where a link of the detail leads (`n` chooses one, Entrée follows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another fiche of the catalogue: a replacement, a correspondence.
    Fiche(FicheId),
    /// The UE at `node` in parcours `parcours` of the fiche on screen.
    Ue { parcours: usize, node: NodeId },
    /// The fiches carrying a ROME code: the fiche list narrowed to it.
    Rome(String),
}

/// A followable link of a detail document: the logical line it is on (one
/// link a line at most; its text is the line's [`Tone::Link`] spans), where
/// it leads, and what the status bar calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    pub line: usize,
    pub target: Target,
    pub label: String,
}

/// A document being built, and its links.
#[derive(Default)]
struct Doc(Vec<DocLine>, Vec<DocLink>);

impl Doc {
    /// A bulleted line that is a link to `target`.
    fn link(&mut self, target: Target, label: String, spans: Vec<(Tone, String)>) {
        self.bullet(spans);
        self.1.push(DocLink {
            line: self.0.len() - 1,
            target,
            label,
        });
    }
    fn line(&mut self, spans: Vec<(Tone, String)>) {
        self.0.push(DocLine {
            spans,
            bullet: false,
            sub: false,
        });
    }
    fn title(&mut self, text: impl Into<String>) {
        self.line(vec![(Tone::Title, text.into())]);
    }
    fn heading(&mut self, text: impl Into<String>) {
        if !self.0.is_empty() {
            self.blank();
        }
        self.line(vec![(Tone::Heading, text.into())]);
    }
    fn field(&mut self, label: &str, value: impl Into<String>) {
        self.line(vec![
            (Tone::Label, format!("{label} : ")),
            (Tone::Text, value.into()),
        ]);
    }
    fn text(&mut self, tone: Tone, text: impl Into<String>) {
        self.line(vec![(tone, text.into())]);
    }
    fn bullet(&mut self, spans: Vec<(Tone, String)>) {
        self.0.push(DocLine {
            spans,
            bullet: true,
            sub: false,
        });
    }
    /// An item of a list inside a bullet's list.
    fn sub_item(&mut self, text: impl Into<String>) {
        self.0.push(DocLine {
            spans: vec![(Tone::Text, text.into())],
            bullet: false,
            sub: true,
        });
    }
    fn item(&mut self, text: impl Into<String>) {
        self.bullet(vec![(Tone::Text, text.into())]);
    }
    fn blank(&mut self) {
        self.0.push(DocLine::default());
    }
    fn findings(&mut self, found: &[&Finding]) {
        self.heading(s::counted(s::H_FINDINGS, found.len()));
        if found.is_empty() {
            self.text(Tone::Muted, s::NO_FINDING);
        }
        for f in found {
            self.bullet(vec![
                (Tone::Warning, format!("{} ", s::WARNING_MARK)),
                (Tone::Text, s::guillemets(&f.message)),
            ]);
        }
    }
    /// A list whose item `marked` (a search jump's target) stands out.
    fn list_marked(&mut self, heading: &str, items: &[String], marked: Option<usize>) {
        self.heading(s::counted(heading, items.len()));
        if items.is_empty() {
            self.text(Tone::Muted, s::NONE);
        }
        for (i, item) in items.iter().enumerate() {
            let tone = if marked == Some(i) {
                Tone::Found
            } else {
                Tone::Text
            };
            self.bullet(vec![(tone, item.clone())]);
        }
    }
}

/// The detail document for what `app` has in focus.
pub fn document(app: &App) -> Vec<DocLine> {
    linked_document(app).0
}

/// The detail document and its followable links, in reading order.
pub fn linked_document(app: &App) -> (Vec<DocLine>, Vec<DocLink>) {
    let mut doc = Doc::default();
    match app.subject() {
        Subject::Fiche => fiche::fiche(&mut doc, app),
        Subject::Parcours(i) => parcours::parcours(&mut doc, app, i),
        Subject::Node(_, NodeId::Bloc(b) | NodeId::BlocItem(b, _)) => {
            if let Some(bloc) = tree::blocs(app.fiche()).and_then(|blocs| blocs.get(b)) {
                registry::bloc(&mut doc, bloc);
            }
        }
        Subject::Node(selection, node) => {
            let sems = tree::semesters(app.fiche(), selection);
            match node {
                NodeId::Semester(si) => maquette::semester(&mut doc, app, selection, &sems, si),
                NodeId::Ue(si, ui) => maquette::ue(&mut doc, app, selection, &sems, si, ui),
                NodeId::Course(si, ui, ci) => maquette::course(&mut doc, app, &sems, si, ui, ci),
                NodeId::Bloc(_) | NodeId::BlocItem(..) => {}
            }
        }
    }
    (doc.0, doc.1)
}

/// Findings about semester `sem` (and, with `ue`, about that UE only) as seen from `selection`.
pub fn findings_at<'a>(
    app: &'a App,
    selection: Selection,
    sem: &SemesterRef<'_>,
    ue: Option<&str>,
) -> Vec<&'a Finding> {
    let parcours_id = match selection {
        Selection::Parcours(i) => app.fiche().parcours.get(i).map(|p| p.id.as_str()),
        Selection::Fiche => None,
    };
    app.findings()
        .iter()
        .filter(|f| {
            let owner_ok = match f.location.parcours.as_deref() {
                None => sem.common,
                Some(id) => Some(id) == parcours_id,
            };
            owner_ok
                && f.location.semester == Some(sem.semester.number)
                && ue.is_none_or(|code| f.location.ue.as_deref() == Some(code))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ue_shared_across_parcours_despite_plural_drift() {
        let fiche = crate::model::embedded();
        let comm = fiche.parcours_by_id("communication").unwrap();
        let ue8 = &comm.semesters[0].ues[1];
        assert_eq!(ue8.title, "Politique et action publique locales");
        let shared: Vec<&str> = sharing_parcours(&fiche, ue8, Some(0))
            .into_iter()
            .map(|i| fiche.parcours[i].id.as_str())
            .collect();
        // "Collectivités" spells it "locale": still the same UE. Europe's UE 8 is another one.
        assert!(shared.contains(&"urbain"));
        assert!(shared.contains(&"collectivites"));
        assert!(!shared.contains(&"europe"));
        assert!(!shared.contains(&"communication"));
    }
}
