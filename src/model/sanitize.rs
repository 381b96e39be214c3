//! Keeps anything that could drive a terminal out of loaded data: control
//! characters, escape sequences and invisible formatting characters.

use super::{Course, Fiche, Semester};

/// Characters no data string may hold, by Unicode property (see
/// docs/data-format.md): general category Cc (controls, ESC included), Cf
/// (format: bidi controls, zero-width characters, BOM, soft hyphen, tags,
/// interlinear annotation…), Zl and Zp (U+2028, U+2029: a line break the
/// terminal makes but the layout does not count), Cn (unassigned: no known
/// width), and every Default_Ignorable_Code_Point (invisible by definition:
/// Hangul fillers, variation selectors, U+034F…).
pub fn is_forbidden(c: char) -> bool {
    use unicode_properties::{GeneralCategory as G, UnicodeGeneralCategory};
    // Most text is ASCII, where only controls are forbidden: skip the
    // table look-up (a 10 MB file is checked several times on loading).
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(
        c.general_category(),
        G::Control | G::Format | G::LineSeparator | G::ParagraphSeparator | G::Unassigned
    ) || is_default_ignorable(c)
}

/// Default_Ignorable_Code_Point is derived (UAX #44) as Cf, plus
/// Variation_Selector, plus Other_Default_Ignorable_Code_Point, less
/// White_Space and a few Cf marks that `is_forbidden` takes anyway. Cf is
/// asked of the general category; these two lists are the other two
/// properties as PropList.txt gives them (Unicode 16; both are closed to new
/// assignments outside ranges already listed here, unassigned parts included).
fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        // Variation_Selector
        '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            // Other_Default_Ignorable_Code_Point
            | '\u{034F}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{2065}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{E0000}'
            | '\u{E0002}'..='\u{E001F}'
            | '\u{E0080}'..='\u{E00FF}'
            | '\u{E01F0}'..='\u{E0FFF}'
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
    fn forbids_separators_and_every_invisible_the_attack_found() {
        for c in [
            '\u{2028}',
            '\u{2029}',
            '\u{061c}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{115f}',
            '\u{1160}',
            '\u{3164}',
            '\u{ffa0}',
            '\u{034f}',
            '\u{180e}',
            '\u{fff9}',
            '\u{fffa}',
            '\u{fffb}',
            '\u{200d}',
            '\u{fe0f}',
            '\u{e0100}',
            '\u{00ad}',
            '\u{2065}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        // Visible text of every script stays, emoji included (one code point each).
        for c in ['a', 'ß', 'ا', '한', '漢', '😀', '❤', '€', ' ', '\u{202f}'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn escape_never_lets_an_escape_through() {
        assert_eq!(escape_for_terminal("a\u{1b}[2Jb"), "a\\u{001b}[2Jb");
    }
}
