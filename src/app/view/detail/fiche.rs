//! Detail of the fiche entry: the certification's overview.

use super::Doc;
use crate::app::App;
use crate::app::view::Tone;
use crate::app::view::strings as s;
use crate::check::Finding;

fn or_unknown(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| s::UNKNOWN.to_string())
}

pub(super) fn fiche(doc: &mut Doc, app: &App) {
    let f = &app.fiche();
    if let Some(record) = &f.registry {
        super::registry::record_doc(doc, record, &app.catalogue, app.today);
        // A fiche the export lists and a RON file describes (the Master)
        // keeps its curriculum: its parcours stay listed.
        if crate::app::tree::blocs(f).is_none() {
            parcours_list(doc, f);
        }
        own_findings(doc, app);
        return;
    }
    doc.title(format!("{} — {}", f.numero().spaced(), f.intitule));
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
        // Each ROME code leads to the fiches carrying it, when there is a list.
        if heading == s::H_ROME && !codes.is_empty() && app.catalogue.len() > 1 {
            let codes = codes.iter().map(|c| (c.code.as_str(), c.label.as_str()));
            super::registry::rome_list(doc, codes, true);
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
    parcours_list(doc, f);
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
    own_findings(doc, app);
}

fn parcours_list(doc: &mut Doc, f: &crate::model::Fiche) {
    doc.heading(s::counted(s::H_PARCOURS, f.parcours.len()));
    for p in &f.parcours {
        doc.bullet(vec![
            (Tone::Text, p.name.clone()),
            (Tone::Muted, format!(" · {}", s::ects_sum(f.ects_total(p)))),
        ]);
    }
}

/// The findings about the fiche itself (not one parcours or semester).
fn own_findings(doc: &mut Doc, app: &App) {
    let own: Vec<&Finding> = app
        .findings()
        .iter()
        .filter(|f| f.location.parcours.is_none() && f.location.semester.is_none())
        .collect();
    if !own.is_empty() {
        doc.findings(&own);
    }
}
