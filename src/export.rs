//! `export`: the whole fiche as JSON (mirrors the data model) or as a
//! readable Markdown document. Pure: returns strings.

use std::fmt::Write;

use crate::model::{Availability, Course, Fiche, Semester, Ue};

pub fn to_json(fiche: &Fiche) -> String {
    serde_json::to_string_pretty(fiche).expect("the model serialises to JSON")
}

/// The fiche in the native format, loadable again with `--data`.
pub fn to_ron(fiche: &Fiche) -> String {
    ron::ser::to_string_pretty(fiche, ron_config()).expect("the model serialises to RON")
}

/// Several fiches: a JSON array.
pub fn all_to_json<'a>(fiches: impl Iterator<Item = &'a Fiche>) -> String {
    let fiches: Vec<&Fiche> = fiches.collect();
    serde_json::to_string_pretty(&fiches).expect("the model serialises to JSON")
}

/// Several fiches: a RON list.
pub fn all_to_ron<'a>(fiches: impl Iterator<Item = &'a Fiche>) -> String {
    let fiches: Vec<&Fiche> = fiches.collect();
    ron::ser::to_string_pretty(&fiches, ron_config()).expect("the model serialises to RON")
}

fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().indentor("    ".to_string())
}

/// Escapes text for a Markdown table cell or paragraph.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn availability_fr(a: Availability) -> &'static str {
    match a {
        Availability::Yes => "oui",
        Availability::No => "non",
        Availability::Unknown => "inconnu (non lisible dans la source)",
    }
}

/// "11 ECTS", or "ECTS non précisés".
pub fn ects_fr(ects: Option<u32>) -> String {
    match ects {
        Some(n) => format!("{n} ECTS"),
        None => "ECTS non précisés".to_string(),
    }
}

/// An optional course's title, with "(optionnel)" unless the title already says so.
pub fn optional_fr(title: &str) -> String {
    if title.to_lowercase().contains("option") {
        title.to_string()
    } else {
        format!("{title} (optionnel)")
    }
}

pub fn to_markdown(fiche: &Fiche) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# {} — {}\n",
        md(&fiche.numero().spaced()),
        md(&fiche.intitule)
    );
    let _ = writeln!(w, "## La certification\n");
    let _ = writeln!(
        w,
        "- **Autorité responsable** : {}",
        md(&fiche.authority.organisations.join(", "))
    );
    if !fiche.authority.signatories.is_empty() {
        let _ = writeln!(
            w,
            "- **Signataires** : {}",
            md(&fiche.authority.signatories.join(" ; "))
        );
    }
    let level = |l: &Option<String>| l.as_deref().map(md).unwrap_or_else(|| "inconnu".into());
    let _ = writeln!(
        w,
        "- **Niveau** : {} (nomenclature de 1969), {} (nomenclature européenne)",
        level(&fiche.levels.nomenclature_1969),
        level(&fiche.levels.europe)
    );
    for (label, codes) in [
        ("Codes NSF", &fiche.nsf),
        ("Formacodes", &fiche.formacodes),
        ("Codes ROME", &fiche.rome),
    ] {
        if codes.is_empty() {
            let _ = writeln!(w, "- **{label}** : aucun");
        } else {
            let _ = writeln!(w, "- **{label}** :");
            for c in codes {
                let _ = writeln!(w, "  - {} : {}", md(&c.code), md(&c.label));
            }
        }
    }
    if let Some(v) = &fiche.validity {
        let _ = writeln!(w, "- **Validité des composantes** : {}", md(v));
    }
    let _ = writeln!(w);

    if !fiche.common_semesters.is_empty() {
        let _ = writeln!(w, "## Tronc commun\n");
        for s in &fiche.common_semesters {
            semester(w, s);
        }
    }
    for p in &fiche.parcours {
        let _ = writeln!(w, "## Parcours « {} » (`{}`)\n", md(&p.name), p.id);
        for (label, list) in [
            ("Activités", &p.activities),
            ("Compétences", &p.competences),
            ("Secteurs d'activité", &p.sectors),
            ("Types d'emplois", &p.jobs),
        ] {
            let _ = writeln!(w, "### {label} ({})\n", list.len());
            for item in list {
                let _ = writeln!(w, "- {}", md(item));
            }
            let _ = writeln!(w);
        }
        for s in &p.semesters {
            semester(w, s);
        }
        let _ = writeln!(w, "Total du parcours : {} ECTS\n", fiche.ects_total(p));
    }

    let _ = writeln!(w, "## Modalités d'accès\n");
    let _ = writeln!(w, "| Voie d'accès | Ouverte | Jury |");
    let _ = writeln!(w, "|---|---|---|");
    for r in &fiche.access.routes {
        let _ = writeln!(
            w,
            "| {} | {} | {} |",
            md(&r.label),
            availability_fr(r.open),
            r.jury
                .as_deref()
                .map(md)
                .unwrap_or_else(|| "non précisé".into())
        );
    }
    let _ = writeln!(
        w,
        "\n- Accessible en Nouvelle-Calédonie : {}\n- Accessible en Polynésie française : {}\n",
        availability_fr(fiche.access.new_caledonia),
        availability_fr(fiche.access.french_polynesia)
    );
    let _ = writeln!(w, "## Base légale\n");
    for (label, value) in [
        ("Décret général", &fiche.legal_base.general_decree),
        ("Arrêté de création", &fiche.legal_base.creation_order),
        ("Décret ou arrêté VAE", &fiche.legal_base.vae_decree),
        ("Autres références", &fiche.legal_base.other),
    ] {
        let value = value
            .as_deref()
            .map(md)
            .unwrap_or_else(|| "non précisé".into());
        let _ = writeln!(w, "- **{label}** : {value}");
    }
    let _ = writeln!(w, "\n## Pour plus d'informations\n");
    for (label, list) in [
        ("Statistiques", &fiche.more_info.statistics),
        (
            "Autres sources d'information",
            &fiche.more_info.other_sources,
        ),
        (
            "Lieux de certification",
            &fiche.more_info.certification_places,
        ),
        ("Lieux de préparation", &fiche.more_info.preparation_places),
    ] {
        let value = if list.is_empty() {
            "non précisé".to_string()
        } else {
            list.iter().map(|s| md(s)).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(w, "- **{label}** : {value}");
    }
    out
}

fn semester(w: &mut String, s: &Semester) {
    let _ = writeln!(w, "### Semestre {} — {} ECTS\n", s.number, s.ects_total());
    let _ = writeln!(w, "| UE | Intitulé | ECTS | Choix | Enseignements |");
    let _ = writeln!(w, "|---|---|---|---|---|");
    for ue in &s.ues {
        ue_row(w, ue);
    }
    let _ = writeln!(w);
}

fn ue_row(w: &mut String, ue: &Ue) {
    let courses = ue
        .courses
        .iter()
        .map(|c| match c {
            Course::Course(t) => md(t),
            Course::OneOf(ts) => ts.iter().map(|t| md(t)).collect::<Vec<_>>().join(" *ou* "),
            Course::Optional(t) => md(&optional_fr(t)),
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let _ = writeln!(
        w,
        "| {} | {} | {} | {} | {} |",
        md(&ue.code),
        md(&ue.title),
        ue.ects.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
        ue.choose
            .map(|k| format!("{k} au choix"))
            .unwrap_or_default(),
        courses
    );
}
