//! Detail of a registry fiche: every field of its `Record`, in readable
//! French sections. Pure over the record, the catalogue (to tell whether a
//! replacement is in the data) and today's date, so `show` prints the same.

use super::{Doc, DocLine, Target};
use crate::app::view::Tone;
use crate::app::view::strings as s;
use crate::model::Catalogue;
use crate::model::registry::{Bloc, Date, Habilitation, Item, Numero, Record, Text};

/// The whole registry document of `record`, as of `today`.
pub fn document(record: &Record, catalogue: &Catalogue, today: Date) -> Vec<DocLine> {
    let mut doc = Doc::default();
    record_doc(&mut doc, record, catalogue, today);
    doc.0
}

pub(super) fn record_doc(doc: &mut Doc, r: &Record, catalogue: &Catalogue, today: Date) {
    doc.title(format!("{} — {}", r.numero, r.intitule));
    identity(doc, r, catalogue);
    validity(doc, r, catalogue, today);
    certifiers(doc, r);
    for (heading, text) in [
        (s::H_ACTIVITIES, &r.activities),
        (s::RH_CAPACITIES, &r.capacities),
        (s::H_SECTORS, &r.sectors),
        (s::H_JOBS, &r.jobs),
        (s::RH_OBJECTIVES, &r.objectives),
        (s::RH_REGULATIONS, &r.regulations),
        (s::RH_ENTRY_PREREQ, &r.entry_prerequisites),
        (s::RH_VALIDATION_PREREQ, &r.validation_prerequisites),
        (s::RH_PARTIAL, &r.partial_validation_scope),
        (s::RH_RENEWAL, &r.renewal),
    ] {
        if let Some(t) = text {
            doc.heading(heading);
            text_items(doc, t);
        }
    }
    access(doc, r);
    publications(doc, r);
    if let Some(url) = &r.description_url {
        doc.heading(s::RH_LINK);
        doc.text(Tone::Text, url.clone());
    }
    outcomes(doc, r);
    partners(doc, r);
    blocs(doc, r);
    correspondences(doc, r, catalogue);
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| s::NOT_GIVEN.to_string())
}

fn coded_list(doc: &mut Doc, heading: &str, codes: &[crate::model::registry::Coded]) {
    if codes.is_empty() {
        return;
    }
    doc.heading(s::counted(heading, codes.len()));
    for c in codes {
        doc.bullet(vec![
            (Tone::Label, format!("{} ", c.code)),
            (Tone::Text, c.label.clone()),
        ]);
    }
}

/// The ROME codes, each a link to the fiches carrying it when the
/// catalogue has a list to narrow (more than one fiche).
pub(super) fn rome_list<'a>(
    doc: &mut Doc,
    codes: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    list: bool,
) {
    doc.heading(s::counted(s::H_ROME, codes.len()));
    for (code, label) in codes {
        let spans = vec![
            (
                if list { Tone::Link } else { Tone::Label },
                format!("{code}{}", if list { "" } else { " " }),
            ),
            (
                Tone::Text,
                if list {
                    format!(" {label}")
                } else {
                    label.to_string()
                },
            ),
        ];
        if list {
            doc.link(Target::Rome(code.to_string()), s::rome_label(code), spans);
        } else {
            doc.bullet(spans);
        }
    }
}

fn identity(doc: &mut Doc, r: &Record, catalogue: &Catalogue) {
    doc.heading(s::RH_IDENTITY);
    doc.field(s::RL_NUMBER, r.numero.to_string());
    doc.field(s::RL_REPERTOIRE, r.numero.repertoire.prefix());
    if let Some(a) = &r.abbreviation {
        doc.field(s::RL_ABBREVIATION, format!("{} ({})", a.label, a.code));
    }
    doc.field(s::RL_STATE, opt(&r.state));
    doc.field(s::RL_KIND, opt(&r.registration_kind));
    if let Some(e) = &r.europe_level {
        doc.field(
            s::RL_EUROPE,
            e.label.clone().unwrap_or_else(|| e.code.clone()),
        );
    }
    if let Some(m) = &r.mastery_level {
        doc.field(s::RL_MASTERY, m.clone());
    }
    coded_list(doc, s::H_NSF, &r.nsf);
    coded_list(doc, s::H_FORMACODES, &r.formacodes);
    if !r.rome.is_empty() {
        let codes = r.rome.iter().map(|c| (c.code.as_str(), c.label.as_str()));
        rome_list(doc, codes, catalogue.len() > 1);
    }
    if !r.idcc.is_empty() || !r.conventions.is_empty() {
        doc.heading(s::RH_IDCC);
        for c in &r.conventions {
            doc.item(format!(
                "{} {}",
                c.number.as_deref().unwrap_or(""),
                c.label.as_deref().unwrap_or(s::NOT_GIVEN)
            ));
        }
        for c in &r.idcc {
            doc.bullet(vec![
                (Tone::Label, format!("IDCC {} ", c.code)),
                (Tone::Text, c.label.clone()),
            ]);
        }
    }
}

fn validity(doc: &mut Doc, r: &Record, catalogue: &Catalogue, today: Date) {
    doc.heading(s::RH_VALIDITY);
    match r.active {
        Some(true) => doc.field(s::RL_ACTIVE, s::yes_no(true)),
        Some(false) => doc.line(vec![
            (Tone::Label, format!("{} : ", s::RL_ACTIVE)),
            (Tone::Warning, s::yes_no(false).to_string()),
        ]),
        None => doc.field(s::RL_ACTIVE, s::NOT_GIVEN),
    }
    let dated = |d: Date| s::dated(&d.to_string(), d.day_number() - today.day_number());
    for (label, date) in [
        (s::RL_END, r.dates.end_of_registration),
        (s::RL_DEADLINE, r.dates.delivery_deadline),
    ] {
        if let Some(d) = date {
            doc.field(label, dated(d));
        }
    }
    for (label, date) in [
        (s::RL_EFFECT, r.dates.effect),
        (s::RL_DECISION, r.dates.decision),
    ] {
        if let Some(d) = date {
            doc.field(label, d.to_string());
        }
    }
    if let Some(y) = r.registration_years {
        doc.field(s::RL_DURATION, s::years(y));
    }
    if let Some(v) = &r.validity {
        doc.field(s::RL_VALIDITY, v.clone());
    }
    for (label, numbers) in [
        (s::RL_REPLACED_BY, &r.replaced_by),
        (s::RL_REPLACES, &r.replaces),
    ] {
        if numbers.is_empty() {
            continue;
        }
        doc.line(vec![(Tone::Label, format!("{label} :"))]);
        for n in numbers {
            replacement(doc, n, catalogue);
        }
    }
}

/// One number of the replacement chain: its intitulé and a link to it when
/// the data has it; said absent (and no link) otherwise.
fn replacement(doc: &mut Doc, n: &Numero, catalogue: &Catalogue) {
    let number = n.to_string();
    match catalogue.lookup(&number) {
        Some(id) => fiche_link(doc, id, &number, catalogue),
        None => doc.bullet(vec![(Tone::Warning, s::replacement(&number, None))]),
    }
}

/// "RS7485 — intitulé", the number a link to that fiche.
fn fiche_link(doc: &mut Doc, id: crate::model::FicheId, number: &str, catalogue: &Catalogue) {
    let intitule = &catalogue.get(id).intitule;
    let full = s::replacement(number, Some(intitule));
    doc.link(
        Target::Fiche(id),
        full.clone(),
        vec![
            (Tone::Link, number.to_string()),
            (Tone::Text, full[number.len()..].to_string()),
        ],
    );
}

/// `CORRESPONDANCES`: the fiches whose blocs are equivalent to this one's,
/// one entry per other fiche (a link when the data has it), its bloc pairs below.
fn correspondences(doc: &mut Doc, r: &Record, catalogue: &Catalogue) {
    if r.correspondences.is_empty() {
        return;
    }
    let mut by_fiche: Vec<(
        Option<&Numero>,
        Vec<&crate::model::registry::Correspondence>,
    )> = Vec::new();
    for c in &r.correspondences {
        match by_fiche
            .iter_mut()
            .find(|(n, _)| *n == c.destination.as_ref())
        {
            Some((_, list)) => list.push(c),
            None => by_fiche.push((c.destination.as_ref(), vec![c])),
        }
    }
    doc.heading(s::counted(s::RH_CORRESPONDENCES, by_fiche.len()));
    for (number, list) in by_fiche {
        match number {
            Some(n) => replacement(doc, n, catalogue),
            None => doc.bullet(vec![(Tone::Muted, s::CORRESPONDENCE_NO_NUMBER.to_string())]),
        }
        for c in list {
            if !c.source_blocs.is_empty() || !c.destination_blocs.is_empty() {
                doc.text(
                    Tone::Muted,
                    format!(
                        "    {}",
                        s::bloc_pairs(&c.source_blocs, &c.destination_blocs)
                    ),
                );
            }
        }
    }
}

fn certifiers(doc: &mut Doc, r: &Record) {
    doc.heading(s::counted(s::RH_CERTIFIERS, r.certifiers.len()));
    for c in &r.certifiers {
        let mut spans = vec![(Tone::Text, c.name.clone())];
        let mut extra = Vec::new();
        if let Some(t) = &c.trade_name {
            extra.push(t.clone());
        }
        if let Some(siret) = &c.siret {
            extra.push(format!("{} {siret}", s::RL_SIRET));
        }
        if let Some(st) = &c.state {
            extra.push(format!("{} {st}", s::RL_STATE_SHORT));
        }
        if let Some(w) = &c.website {
            extra.push(format!("{} {w}", s::RL_WEBSITE));
        }
        if !extra.is_empty() {
            spans.push((Tone::Muted, format!(" · {}", extra.join(" · "))));
        }
        doc.bullet(spans);
    }
}

/// A structured text: headers stand out, lead-ins are muted, level-1
/// bullets get the bullet mark, level-2 ones an indented "◦". Paragraphs of
/// a text with several entries are bulleted too: the export's lists are
/// often bare lines, and without a mark their boundaries vanish when wrapped.
pub(super) fn text_items(doc: &mut Doc, t: &Text) {
    let listed = t.items.iter().filter(|i| i.is_entry()).count() > 1;
    for item in &t.items {
        match item {
            Item::Paragraph(p) if listed => doc.item(p.clone()),
            Item::Paragraph(p) => doc.text(Tone::Text, p.clone()),
            Item::Header(h) => doc.text(Tone::Label, h.clone()),
            Item::LeadIn(l) => doc.text(Tone::Muted, l.clone()),
            Item::Bullet(1, b) => doc.item(b.clone()),
            Item::Bullet(_, b) => doc.sub_item(b.clone()),
        }
    }
}

fn access(doc: &mut Doc, r: &Record) {
    doc.heading(s::H_ACCESS);
    for j in &r.juries {
        doc.bullet(vec![(
            Tone::Text,
            crate::model::registry::route_label(j.route).to_string(),
        )]);
        doc.text(
            Tone::Muted,
            format!(
                "  {} : {} · {} : {}",
                s::L_OPEN,
                j.open.map_or(s::NOT_GIVEN, s::yes_no),
                s::L_JURY,
                j.composition.as_deref().unwrap_or(s::NOT_GIVEN)
            ),
        );
    }
    for (label, value) in [
        (s::RL_NEW_CALEDONIA, r.new_caledonia),
        (s::RL_POLYNESIA, r.french_polynesia),
    ] {
        doc.field(label, value.map_or(s::NOT_GIVEN, s::yes_no));
    }
}

fn publications(doc: &mut Doc, r: &Record) {
    if r.publications.is_empty() {
        return;
    }
    doc.heading(s::RH_PUBLICATIONS);
    for p in &r.publications {
        let kind = match p.kind {
            crate::model::registry::DecreeKind::General => s::L_GENERAL_DECREE,
            crate::model::registry::DecreeKind::Creation => s::L_CREATION,
            crate::model::registry::DecreeKind::Other => s::L_OTHER,
        };
        let date = p.date.map(|d| format!(" ({d})")).unwrap_or_default();
        doc.bullet(vec![
            (Tone::Label, format!("{kind}{date} : ")),
            (
                Tone::Text,
                p.title.clone().unwrap_or_else(|| s::NOT_GIVEN.into()),
            ),
        ]);
    }
}

/// Width of the longest bar of the outcomes chart.
const BAR: usize = 20;

/// One bar per year, scaled to the largest known count, numbers beside;
/// an unknown count draws no bar and says "?".
fn outcomes(doc: &mut Doc, r: &Record) {
    doc.heading(s::RH_OUTCOMES);
    if r.promotions.is_empty() {
        doc.text(Tone::Muted, s::NO_PROMOTION);
        return;
    }
    doc.text(Tone::Muted, s::OUTCOMES_LEGEND);
    let max = r
        .promotions
        .iter()
        .filter_map(|p| p.certified)
        .max()
        .unwrap_or(0);
    let mut promotions: Vec<_> = r.promotions.iter().collect();
    promotions.sort_by_key(|p| p.year);
    for p in promotions {
        let len = match (p.certified, max) {
            (Some(n), m) if m > 0 => (n as usize * BAR).div_ceil(m as usize),
            _ => 0,
        };
        let year = p.year.map_or_else(|| "????".to_string(), |y| y.to_string());
        doc.line(vec![
            (Tone::Label, format!("{year} ")),
            (Tone::Common, "█".repeat(len)),
            (Tone::Text, format!("{} ", " ".repeat(BAR - len))),
            (
                Tone::Text,
                s::promotion(
                    p.certified,
                    p.certified_vae,
                    p.insertion_6_months,
                    p.insertion_2_years,
                ),
            ),
        ]);
    }
}

fn partners(doc: &mut Doc, r: &Record) {
    doc.heading(s::counted(s::RH_PARTNERS, r.partners.len()));
    let count = |want: fn(&Habilitation) -> bool| {
        let all = r
            .partners
            .iter()
            .filter(|p| p.habilitation.as_ref().is_some_and(want));
        let total = all.clone().count();
        let active = all
            .filter(|p| crate::partners::habilitation_active(p))
            .count();
        (total, active)
    };
    for (label, want) in [
        (
            s::RL_TRAIN_ASSESS,
            (|h| *h == Habilitation::TrainAndAssess) as fn(&Habilitation) -> bool,
        ),
        (s::RL_TRAIN, |h| *h == Habilitation::Train),
        (s::RL_ASSESS, |h| *h == Habilitation::Assess),
        (s::RL_OTHER_ROLE, |h| matches!(h, Habilitation::Other(_))),
    ] {
        let (total, active) = count(want);
        if total > 0 {
            doc.field(
                label,
                format!(
                    "{} ({} {})",
                    s::grouped(total),
                    s::RL_ACTIVE_PARTNERS,
                    s::grouped(active)
                ),
            );
        }
    }
}

fn blocs(doc: &mut Doc, r: &Record) {
    doc.heading(s::counted(s::RH_BLOCS, r.blocs.len()));
    if r.blocs.is_empty() {
        doc.text(Tone::Muted, s::NO_BLOC);
    }
    for b in &r.blocs {
        doc.bullet(vec![
            (Tone::Label, format!("{} ", b.code)),
            (Tone::Text, b.label.clone()),
        ]);
    }
}

/// The detail of one bloc: its competences and how they are assessed.
pub(super) fn bloc(doc: &mut Doc, b: &Bloc) {
    doc.title(format!("{} — {}", b.code, b.label));
    doc.heading(crate::app::view::strings::H_COMPETENCES);
    match &b.competences {
        Some(t) => text_items(doc, t),
        None => doc.text(Tone::Muted, s::NONE),
    }
    for (heading, text) in [
        (s::RH_ASSESSMENT, &b.assessment),
        (s::RH_ENTRY_PREREQ, &b.entry_prerequisites),
        (s::RH_VALIDATION_PREREQ, &b.validation_prerequisites),
    ] {
        if let Some(t) = text {
            doc.heading(heading);
            text_items(doc, t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registry::Promotion;

    fn chart(promotions: Vec<Promotion>) -> Vec<String> {
        let mut r = Record::new(Numero::parse("RNCP1").unwrap(), "T".into());
        r.promotions = promotions;
        let mut doc = Doc::default();
        outcomes(&mut doc, &r);
        doc.0
            .iter()
            .map(|l| l.spans.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn bars_scale_to_the_largest_year_and_unknowns_stay_question_marks() {
        let lines = chart(vec![
            Promotion {
                year: Some(2022),
                certified: Some(10),
                certified_vae: None,
                insertion_6_months: Some(0),
                insertion_2_years: None,
            },
            Promotion {
                year: Some(2021),
                certified: Some(40),
                certified_vae: Some(2),
                insertion_6_months: Some(75),
                insertion_2_years: Some(90),
            },
            Promotion {
                year: Some(2023),
                ..Default::default()
            },
        ]);
        // Heading, legend, then the years in order.
        assert_eq!(lines.len(), 5, "{lines:?}");
        assert!(
            lines[2].starts_with(&format!("2021 {} ", "█".repeat(BAR))),
            "{lines:?}"
        );
        assert!(lines[2].ends_with("40 certifiés · VAE 2 · 6 mois 75 % · 2 ans 90 %"));
        assert!(
            lines[3].starts_with(&format!("2022 {} ", "█".repeat(5))),
            "{lines:?}"
        );
        // A known 0 % is 0; an unknown count or rate is "?".
        assert!(lines[3].ends_with("10 certifiés · VAE ? · 6 mois 0 % · 2 ans ?"));
        assert!(!lines[4].contains('█'));
        assert!(lines[4].ends_with("? certifiés · VAE ? · 6 mois ? · 2 ans ?"));
    }

    #[test]
    fn no_promotion_says_so() {
        let lines = chart(Vec::new());
        assert_eq!(lines[1], s::NO_PROMOTION);
    }
}
