//! What the detail pane says about the focused item, as a small styled
//! document, and how it wraps to a width. Pure: the UI only paints it, and
//! `update` uses the same wrapping to bound scrolling.

use unicode_width::UnicodeWidthStr;

use super::App;
use super::strings as s;
use super::tree::{self, NodeId, Selection};
use crate::check::{Finding, SEMESTER_ECTS};
use crate::compare::same_ue;
use crate::model::normalize::same_title;
use crate::model::{Course, Fiche, SemesterRef, Ue};

/// What the detail pane is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Fiche,
    Parcours(usize),
    Node(Selection, NodeId),
}

/// How a piece of text is meant to look; the theme maps it to a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Label,
    Text,
    Muted,
    Warning,
    Common,
}

/// One logical line; `bullet` lines get a "• " mark and a hanging indent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    pub spans: Vec<(Tone, String)>,
    pub bullet: bool,
}

/// A wrapped screen line.
pub type Wrapped = Vec<(Tone, String)>;

#[derive(Default)]
struct Doc(Vec<DocLine>);

impl Doc {
    fn line(&mut self, spans: Vec<(Tone, String)>) {
        self.0.push(DocLine {
            spans,
            bullet: false,
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
                (Tone::Text, f.message.clone()),
            ]);
        }
    }
    fn list(&mut self, heading: &str, items: &[String]) {
        self.heading(s::counted(heading, items.len()));
        if items.is_empty() {
            self.text(Tone::Muted, s::NONE);
        }
        for item in items {
            self.item(item.clone());
        }
    }
}

/// The detail document for what `app` has in focus.
pub fn document(app: &App) -> Vec<DocLine> {
    let mut doc = Doc::default();
    match app.subject() {
        Subject::Fiche => fiche(&mut doc, app),
        Subject::Parcours(i) => parcours(&mut doc, app, i),
        Subject::Node(selection, node) => {
            let sems = tree::semesters(&app.fiche, selection);
            match node {
                NodeId::Semester(si) => semester(&mut doc, app, selection, &sems, si),
                NodeId::Ue(si, ui) => ue(&mut doc, app, selection, &sems, si, ui),
                NodeId::Course(si, ui, ci) => course(&mut doc, app, &sems, si, ui, ci),
            }
        }
    }
    doc.0
}

fn or_unknown(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| s::UNKNOWN.to_string())
}

fn fiche(doc: &mut Doc, app: &App) {
    let f = &app.fiche;
    doc.title(format!("RNCP {} — {}", f.rncp_code, f.intitule));
    doc.heading(s::H_CERTIFICATION);
    doc.field(s::L_AUTHORITY, f.authority.organisations.join(", "));
    if !f.authority.signatories.is_empty() {
        doc.field(s::L_SIGNATORIES, f.authority.signatories.join(" ; "));
    }
    doc.field(
        s::L_LEVEL,
        s::level(
            &or_unknown(&f.levels.nomenclature_1969),
            &or_unknown(&f.levels.europe),
        ),
    );
    doc.field(s::L_VALIDITY, or_unknown(&f.validity));
    for (heading, codes) in [
        (s::H_NSF, &f.nsf),
        (s::H_ROME, &f.rome),
        (s::H_FORMACODES, &f.formacodes),
    ] {
        if codes.is_empty() && heading == s::H_FORMACODES {
            continue;
        }
        doc.heading(s::counted(heading, codes.len()));
        for c in codes {
            doc.bullet(vec![
                (Tone::Label, format!("{} ", c.code)),
                (Tone::Text, c.label.clone()),
            ]);
        }
    }
    doc.heading(s::counted(s::H_PARCOURS, f.parcours.len()));
    for p in &f.parcours {
        doc.bullet(vec![
            (Tone::Text, p.name.clone()),
            (Tone::Muted, format!(" · {}", s::ects(f.ects_total(p)))),
        ]);
    }
    if !f.common_semesters.is_empty() {
        doc.heading(s::COMMON_CORE_TITLE);
        doc.text(Tone::Common, s::common_core_note(f.parcours.len()));
    }
    doc.heading(s::H_ACCESS);
    for r in &f.access.routes {
        doc.bullet(vec![(Tone::Text, r.label.clone())]);
        doc.text(
            Tone::Muted,
            format!(
                "  {} : {} · {} : {}",
                s::L_OPEN,
                s::availability(r.open),
                s::L_JURY,
                r.jury.as_deref().unwrap_or(s::NOT_GIVEN)
            ),
        );
    }
    doc.field(s::L_NEW_CALEDONIA, s::availability(f.access.new_caledonia));
    doc.field(s::L_POLYNESIA, s::availability(f.access.french_polynesia));
    doc.heading(s::H_LEGAL);
    for (label, value) in [
        (s::L_GENERAL_DECREE, &f.legal_base.general_decree),
        (s::L_CREATION, &f.legal_base.creation_order),
        (s::L_VAE_DECREE, &f.legal_base.vae_decree),
        (s::L_OTHER, &f.legal_base.other),
    ] {
        if let Some(v) = value {
            doc.field(label, v.clone());
        }
    }
    doc.heading(s::H_LINKS);
    for (label, list) in [
        (s::L_STATISTICS, &f.more_info.statistics),
        (s::L_SOURCES, &f.more_info.other_sources),
        (s::L_CERT_PLACES, &f.more_info.certification_places),
        (s::L_PREP_PLACES, &f.more_info.preparation_places),
    ] {
        if !list.is_empty() {
            doc.field(label, list.join(" ; "));
        }
    }
    let own: Vec<&Finding> = app
        .findings
        .iter()
        .filter(|f| f.location.parcours.is_none() && f.location.semester.is_none())
        .collect();
    if !own.is_empty() {
        doc.findings(&own);
    }
}

fn parcours(doc: &mut Doc, app: &App, i: usize) {
    let Some(p) = app.fiche.parcours.get(i) else {
        return;
    };
    doc.title(p.name.clone());
    doc.text(
        Tone::Muted,
        format!("{} · {}", p.short_label(), s::ects(app.fiche.ects_total(p))),
    );
    doc.list(s::H_JOBS, &p.jobs);
    doc.list(s::H_ACTIVITIES, &p.activities);
    doc.list(s::H_COMPETENCES, &p.competences);
    doc.list(s::H_SECTORS, &p.sectors);
    let own: Vec<&Finding> = app
        .findings
        .iter()
        .filter(|f| f.location.parcours.as_deref() == Some(&p.id) && f.location.semester.is_none())
        .collect();
    doc.findings(&own);
}

/// Findings about semester `sem` (and, with `ue`, about that UE only) as seen from `selection`.
pub fn findings_at<'a>(
    app: &'a App,
    selection: Selection,
    sem: &SemesterRef<'_>,
    ue: Option<&str>,
) -> Vec<&'a Finding> {
    let parcours_id = match selection {
        Selection::Parcours(i) => app.fiche.parcours.get(i).map(|p| p.id.as_str()),
        Selection::Fiche => None,
    };
    app.findings
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

fn semester_title(sem: &SemesterRef<'_>) -> Vec<(Tone, String)> {
    let mut spans = vec![(Tone::Title, s::semester(sem.semester.number))];
    if sem.common {
        spans.push((Tone::Common, format!(" · {}", s::COMMON_CORE)));
    }
    spans
}

fn semester(doc: &mut Doc, app: &App, selection: Selection, sems: &[SemesterRef<'_>], si: usize) {
    let Some(sem) = sems.get(si) else {
        return;
    };
    doc.line(semester_title(sem));
    let total = sem.semester.ects_total();
    let tone = if total == SEMESTER_ECTS {
        Tone::Text
    } else {
        Tone::Warning
    };
    doc.line(vec![
        (Tone::Label, format!("{} : ", s::L_TOTAL)),
        (tone, s::ects_of(total, SEMESTER_ECTS)),
    ]);
    doc.heading(s::counted(s::H_UES, sem.semester.ues.len()));
    for ue in &sem.semester.ues {
        doc.bullet(vec![
            (Tone::Label, format!("{} ", ue.code)),
            (Tone::Text, ue.title.clone()),
            (Tone::Muted, format!(" · {}", ects_label(ue.ects))),
        ]);
    }
    let mut found = findings_at(app, selection, sem, None);
    found.sort_by_key(|f| f.location.ue.is_some());
    doc.findings(&found);
}

fn ects_label(ects: Option<u32>) -> String {
    match ects {
        Some(n) => s::ects(n),
        None => format!("{} {}", s::L_ECTS, s::NOT_GIVEN),
    }
}

/// Parcours other than `exclude` whose own semesters have the same UE: same
/// code and same title, wording drift tolerated — `compare::same_ue`, so this
/// list and the comparison view always agree.
pub fn sharing_parcours(fiche: &Fiche, target: &Ue, exclude: Option<usize>) -> Vec<usize> {
    fiche
        .parcours
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            Some(*i) != exclude
                && p.semesters
                    .iter()
                    .flat_map(|s| &s.ues)
                    .any(|u| same_ue(u, target))
        })
        .map(|(i, _)| i)
        .collect()
}

fn ue(
    doc: &mut Doc,
    app: &App,
    selection: Selection,
    sems: &[SemesterRef<'_>],
    si: usize,
    ui: usize,
) {
    let (Some(sem), Some(ue)) = (sems.get(si), tree::ue(sems, si, ui)) else {
        return;
    };
    doc.line(vec![(Tone::Title, format!("{} — {}", ue.code, ue.title))]);
    let mut where_ = semester_title(sem);
    where_[0].0 = Tone::Text;
    doc.line(where_);
    doc.field(s::L_ECTS, ects_label(ue.ects));
    doc.field(
        s::L_RULE,
        match ue.choose {
            Some(k) => s::choose_among(k, ue.courses.len()),
            None => s::RULE_ALL.to_string(),
        },
    );
    doc.heading(s::counted(s::H_COURSES, ue.courses.len()));
    for c in &ue.courses {
        doc.bullet(course_spans(c));
    }
    let current = match selection {
        Selection::Parcours(i) => Some(i),
        Selection::Fiche => None,
    };
    if sem.common {
        doc.heading(s::H_SHARED);
        doc.text(Tone::Common, s::SHARED_COMMON);
    } else {
        let shared = sharing_parcours(&app.fiche, ue, current);
        doc.heading(s::counted(s::H_SHARED, shared.len()));
        if shared.is_empty() {
            doc.text(Tone::Muted, s::SHARED_NONE);
        }
        for i in shared {
            if let Some(p) = app.fiche.parcours.get(i) {
                doc.item(p.name.clone());
            }
        }
    }
    let found = findings_at(app, selection, sem, Some(&ue.code));
    if !found.is_empty() {
        doc.findings(&found);
    }
}

/// A course entry as spans: alternatives joined by a muted "ou", optional ones marked.
pub fn course_spans(c: &Course) -> Vec<(Tone, String)> {
    match c {
        Course::Course(t) => vec![(Tone::Text, t.clone())],
        // The title often says "optionnel" itself; say it once.
        Course::Optional(t) if t.to_lowercase().contains(s::KIND_OPTIONAL) => {
            vec![(Tone::Text, t.clone())]
        }
        Course::Optional(t) => vec![
            (Tone::Text, t.clone()),
            (Tone::Muted, format!(" ({})", s::KIND_OPTIONAL)),
        ],
        Course::OneOf(ts) => {
            let mut spans = Vec::new();
            for (i, t) in ts.iter().enumerate() {
                if i > 0 {
                    spans.push((Tone::Muted, s::OR.to_string()));
                }
                spans.push((Tone::Text, t.clone()));
            }
            spans
        }
    }
}

/// Every (parcours, semester number, UE code) where a course with one of `titles` is taught.
pub fn teaching_parcours(fiche: &Fiche, titles: &[String]) -> Vec<(usize, u8, String)> {
    let mut out = Vec::new();
    for (i, p) in fiche.parcours.iter().enumerate() {
        for sem in fiche.curriculum(p) {
            for ue in &sem.semester.ues {
                let teaches = ue.courses.iter().any(|c| {
                    c.titles()
                        .iter()
                        .any(|t| titles.iter().any(|f| same_title(t, f)))
                });
                if teaches {
                    out.push((i, sem.semester.number, ue.code.clone()));
                }
            }
        }
    }
    out
}

fn course(doc: &mut Doc, app: &App, sems: &[SemesterRef<'_>], si: usize, ui: usize, ci: usize) {
    let (Some(sem), Some(ue), Some(c)) = (
        sems.get(si),
        tree::ue(sems, si, ui),
        tree::course(sems, si, ui, ci),
    ) else {
        return;
    };
    let mut title = course_spans(c);
    for span in &mut title {
        if span.0 == Tone::Text {
            span.0 = Tone::Title;
        }
    }
    doc.line(title);
    doc.field(
        s::L_KIND,
        match c {
            Course::Course(_) => s::KIND_COURSE,
            Course::OneOf(_) => s::KIND_ONE_OF,
            Course::Optional(_) => s::KIND_OPTIONAL,
        },
    );
    doc.field(s::L_UE, format!("{} — {}", ue.code, ue.title));
    let mut where_ = semester_title(sem);
    where_[0].0 = Tone::Text;
    doc.line(where_);
    let taught = teaching_parcours(&app.fiche, c.titles());
    let parcours_count = {
        let mut ids: Vec<usize> = taught.iter().map(|t| t.0).collect();
        ids.dedup();
        ids.len()
    };
    doc.heading(s::counted(s::H_TAUGHT_IN, parcours_count));
    if taught.is_empty() {
        doc.text(Tone::Muted, s::TAUGHT_NOWHERE);
    }
    for (i, number, code) in taught {
        if let Some(p) = app.fiche.parcours.get(i) {
            doc.bullet(vec![
                (Tone::Text, p.name.clone()),
                (
                    Tone::Muted,
                    format!(" · {} {}", s::semester_short(number), code),
                ),
            ]);
        }
    }
}

/// Display width of a string (accents count one, CJK two).
pub fn width_of(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Splits after each run of spaces: "a b  c" → ["a ", "b  ", "c"].
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The longest prefix of `text` that fits in `width` columns, and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            return text.split_at(i);
        }
        used += w;
    }
    (text, "")
}

const BULLET: &str = "• ";

/// Word-wraps the document to `width` columns. Bullets hang; words longer
/// than a line are cut. Never loops forever, whatever the width.
pub fn wrap(doc: &[DocLine], width: usize) -> Vec<Wrapped> {
    let mut out = Vec::new();
    for line in doc {
        let hang = if line.bullet {
            2.min(width.saturating_sub(1))
        } else {
            0
        };
        let mut cur: Wrapped = Vec::new();
        let mut used = 0;
        if line.bullet {
            cur.push((Tone::Muted, BULLET.to_string()));
            used = width_of(BULLET);
        }
        let mut fresh = true;
        for (tone, text) in &line.spans {
            for token in tokens(text) {
                let mut rest = if fresh { token.trim_start() } else { token };
                if !fresh && used + width_of(rest.trim_end()) > width {
                    push_line(&mut out, &mut cur);
                    cur.push((Tone::Text, " ".repeat(hang)));
                    used = hang;
                    fresh = true;
                    rest = rest.trim_start();
                }
                while !rest.is_empty() && used + width_of(rest.trim_end()) > width {
                    let (mut head, mut tail) = split_at_width(rest, width.saturating_sub(used));
                    if head.is_empty() {
                        if !fresh {
                            push_line(&mut out, &mut cur);
                            cur.push((Tone::Text, " ".repeat(hang)));
                            used = hang;
                            fresh = true;
                            continue;
                        }
                        // Not even one character fits: take one anyway so we progress.
                        let first = rest.chars().next().map_or(0, char::len_utf8);
                        (head, tail) = rest.split_at(first);
                    }
                    cur.push((*tone, head.to_string()));
                    push_line(&mut out, &mut cur);
                    cur.push((Tone::Text, " ".repeat(hang)));
                    used = hang;
                    fresh = true;
                    rest = tail.trim_start();
                }
                if !rest.is_empty() {
                    used += width_of(rest);
                    cur.push((*tone, rest.to_string()));
                    fresh = false;
                }
            }
        }
        push_line(&mut out, &mut cur);
    }
    out
}

/// Ends a wrapped line, without the spaces it was broken at.
fn push_line(out: &mut Vec<Wrapped>, cur: &mut Wrapped) {
    if let Some((_, last)) = cur.last_mut() {
        last.truncate(last.trim_end().len());
    }
    out.push(std::mem::take(cur));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Wrapped]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_and_hangs_bullets() {
        let doc = vec![DocLine {
            spans: vec![(Tone::Text, "un deux trois quatre".into())],
            bullet: true,
        }];
        let lines = text_of(&wrap(&doc, 10));
        assert_eq!(lines, vec!["• un deux", "  trois", "  quatre"]);
        for l in &lines {
            assert!(width_of(l.trim_end()) <= 10, "{l:?}");
        }
    }

    #[test]
    fn wrap_cuts_long_words_and_survives_tiny_widths() {
        let doc = vec![DocLine {
            spans: vec![(Tone::Text, "anticonstitutionnellement 漢字漢字".into())],
            bullet: false,
        }];
        let lines = text_of(&wrap(&doc, 8));
        assert!(
            lines.iter().all(|l| width_of(l.trim_end()) <= 8),
            "{lines:?}"
        );
        assert_eq!(
            lines.concat().replace(' ', ""),
            "anticonstitutionnellement漢字漢字"
        );
        for w in 0..3 {
            assert!(!wrap(&doc, w).is_empty());
        }
    }

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
