//! Keeps anything that could drive a terminal out of loaded data: control
//! characters, escape sequences and invisible formatting characters.

use super::{Course, Fiche, Semester};

/// Characters no data string may hold: C0/C1 controls (ESC included), DEL,
/// bidi embeddings/overrides/isolates, zero-width characters and the BOM.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{00ad}'
        )
}

/// Makes text safe to print: forbidden characters become `\u{…}` escapes.
pub fn escape_for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Calls `visit(path, text)` for every string of the fiche, with a readable path.
pub fn for_each_string(fiche: &Fiche, visit: &mut dyn FnMut(&str, &str)) {
    visit("rncp_code", &fiche.rncp_code);
    visit("intitule", &fiche.intitule);
    list(
        visit,
        "authority.organisations",
        &fiche.authority.organisations,
    );
    list(visit, "authority.signatories", &fiche.authority.signatories);
    if let Some(l) = &fiche.levels.nomenclature_1969 {
        visit("levels.nomenclature_1969", l);
    }
    if let Some(l) = &fiche.levels.europe {
        visit("levels.europe", l);
    }
    list(visit, "conventions", &fiche.conventions);
    for (name, codes) in [
        ("nsf", &fiche.nsf),
        ("formacodes", &fiche.formacodes),
        ("rome", &fiche.rome),
    ] {
        for (i, c) in codes.iter().enumerate() {
            visit(&format!("{name}[{i}].code"), &c.code);
            visit(&format!("{name}[{i}].label"), &c.label);
        }
    }
    semesters(visit, "common_semesters", &fiche.common_semesters);
    for (i, p) in fiche.parcours.iter().enumerate() {
        let at = format!("parcours[{i}]");
        visit(&format!("{at}.id"), &p.id);
        visit(&format!("{at}.name"), &p.name);
        if let Some(short) = &p.short_name {
            visit(&format!("{at}.short_name"), short);
        }
        list(visit, &format!("{at}.activities"), &p.activities);
        list(visit, &format!("{at}.competences"), &p.competences);
        list(visit, &format!("{at}.sectors"), &p.sectors);
        list(visit, &format!("{at}.jobs"), &p.jobs);
        semesters(visit, &format!("{at}.semesters"), &p.semesters);
    }
    for (i, r) in fiche.access.routes.iter().enumerate() {
        visit(&format!("access.routes[{i}].label"), &r.label);
        if let Some(j) = &r.jury {
            visit(&format!("access.routes[{i}].jury"), j);
        }
    }
    for (name, value) in [
        ("validity", &fiche.validity),
        (
            "legal_base.general_decree",
            &fiche.legal_base.general_decree,
        ),
        (
            "legal_base.creation_order",
            &fiche.legal_base.creation_order,
        ),
        ("legal_base.vae_decree", &fiche.legal_base.vae_decree),
        ("legal_base.other", &fiche.legal_base.other),
    ] {
        if let Some(v) = value {
            visit(name, v);
        }
    }
    list(
        visit,
        "related_certifications",
        &fiche.related_certifications,
    );
    list(
        visit,
        "international_agreements",
        &fiche.international_agreements,
    );
    let info = &fiche.more_info;
    list(visit, "more_info.statistics", &info.statistics);
    list(visit, "more_info.other_sources", &info.other_sources);
    list(
        visit,
        "more_info.certification_places",
        &info.certification_places,
    );
    list(
        visit,
        "more_info.preparation_places",
        &info.preparation_places,
    );
}

fn list(visit: &mut dyn FnMut(&str, &str), at: &str, items: &[String]) {
    for (i, item) in items.iter().enumerate() {
        visit(&format!("{at}[{i}]"), item);
    }
}

fn semesters(visit: &mut dyn FnMut(&str, &str), at: &str, semesters: &[Semester]) {
    for (s, semester) in semesters.iter().enumerate() {
        for (u, ue) in semester.ues.iter().enumerate() {
            let ue_at = format!("{at}[{s}].ues[{u}]");
            visit(&format!("{ue_at}.code"), &ue.code);
            visit(&format!("{ue_at}.title"), &ue.title);
            for (c, course) in ue.courses.iter().enumerate() {
                let titles = match course {
                    Course::Course(t) | Course::Optional(t) => std::slice::from_ref(t),
                    Course::OneOf(ts) => ts.as_slice(),
                };
                for (t, title) in titles.iter().enumerate() {
                    visit(&format!("{ue_at}.courses[{c}][{t}]"), title);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbids_controls_bidi_and_invisibles_but_not_accents() {
        for c in [
            '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{feff}', '\n',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['é', 'œ', '’', '«', '\u{a0}', '–'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn escape_never_lets_an_escape_through() {
        assert_eq!(escape_for_terminal("a\u{1b}[2Jb"), "a\\u{001b}[2Jb");
    }
}
