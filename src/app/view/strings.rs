//! Every piece of UI text except key descriptions (those live in the key
//! table, `keys`). French, like the data.

pub mod certs;
pub mod compare;
mod explorer;
mod facets;
mod features;
mod registry;
mod search;

pub use explorer::*;
pub use facets::*;
pub use features::*;
pub use registry::*;
pub use search::*;

use crate::model::{Availability, EctsSum};

pub const PANE_PARCOURS: &str = "Parcours";
pub const PANE_MAQUETTE: &str = "Maquette";
pub const PANE_DETAIL: &str = "Détail";
pub const FICHE_ENTRY: &str = "Fiche";
pub const HELP_TITLE: &str = "Aide — touches";
pub const HELP_MOUSE: &str = "Souris";
/// Typing in the search popup, in the help (no key binding: any letter).
pub const HELP_TYPING: &str =
    "texte : Taper la requête (mots dans tout ordre, accents facultatifs)";
pub const HELP_MOUSE_CLICK: &str = "Clic : Activer le panneau et choisir la ligne";
pub const HELP_MOUSE_WHEEL: &str = "Molette : Faire défiler le panneau sous le pointeur";
pub const HELP_MOUSE_SEARCH: &str =
    "Clic : Dans la recherche, aller au résultat ou choisir le filtre";
pub const HELP_MOUSE_COMPARE: &str = "Clic : En comparaison, mettre à droite le parcours cliqué";
pub const HELP_MOUSE_OUTSIDE: &str = "Clic : Hors d’une fenêtre, la fermer";
pub const HELP_BROWSE: &str = "Navigation";
pub const HELP_FICHES: &str = "Liste des fiches";
pub const HELP_WARNINGS: &str = "Dans les avertissements du chargement";
/// The load warnings popup's place in the status bar.
pub const WARNINGS_TITLE: &str = "Avertissements";
/// The load warnings popup when loading said nothing.
pub const NO_LOAD_WARNING: &str = "Aucun avertissement : tout ce qui a été lu a été chargé.";
/// "3 avertissements du chargement".
pub fn load_warnings_title(n: usize) -> String {
    match n {
        0 => "Avertissements du chargement".to_string(),
        1 => "1 avertissement du chargement".to_string(),
        n => format!("{n} avertissements du chargement"),
    }
}
/// The status bar's lasting mark of load warnings: "⚠ 3 (w)".
pub fn load_warnings_mark(n: usize) -> String {
    format!(" ⚠ {n} (w) ")
}
pub const HELP_SEARCH_PICK: &str = "Dans « Dans quel parcours ? »";
pub const HELP_FICHE_FILTER: &str = "Dans le filtre de la liste";
/// Typing the fiche list's filter, in the help.
pub const HELP_FILTER_TYPING: &str =
    "texte : Mots du numéro ou de l'intitulé, dans tout ordre, accents facultatifs";
/// The fiche list's pane title and the status bar's place.
pub const FICHES_TITLE: &str = "Fiches";
/// The fiche list's preview of the fiche under the cursor.
pub const PREVIEW_TITLE: &str = "Aperçu";
pub const PREVIEW_LEVEL: &str = "Niveau";
pub const PREVIEW_CERTIFIERS: &str = "Certificateurs";
pub const PREVIEW_PARCOURS: &str = "Parcours";
pub const PREVIEW_ROME: &str = "ROME";
pub const PREVIEW_ACTIVE: &str = "Active";
pub const PREVIEW_END: &str = "Fin d'enregistrement";
pub const PREVIEW_DEADLINE: &str = "Limite de délivrance";
pub const PREVIEW_REPLACED_BY: &str = "Remplacée par";
pub const PREVIEW_REPLACES: &str = "Remplace";
/// The fiche list's mark of an inactive fiche.
pub const INACTIVE_MARK: &str = "inactive";
pub fn yes_no(yes: bool) -> &'static str {
    if yes { "oui" } else { "non" }
}
/// "31/08/2026 (dans 273 jours)", "(il y a 12 jours)", "(aujourd'hui)".
pub fn dated(date: &str, days: i64) -> String {
    let when = match days {
        0 => "aujourd'hui".to_string(),
        1 => "demain".to_string(),
        -1 => "hier".to_string(),
        d if d > 0 => format!("dans {d} jours"),
        d => format!("il y a {} jours", -d),
    };
    format!("{date} ({when})")
}
/// "niv. 7" for a European level "7".
pub fn level_short(level: &str) -> String {
    format!("niv. {level}")
}
/// The fiche list's filter line prompt.
pub const FICHES_FILTER: &str = "Filtre : ";
/// No fiche matches the filter.
pub const FICHES_NONE: &str = "Aucune fiche ne correspond au filtre (Échap l'efface).";
/// "12/30 512 fiches".
pub fn fiches_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("{total} fiches")
    } else {
        format!("{shown}/{total} fiches")
    }
}
/// The order in force.
pub fn fiches_sort(key: crate::app::fiche_list::SortKey) -> &'static str {
    use crate::app::fiche_list::SortKey;
    match key {
        SortKey::Source => "ordre des sources",
        SortKey::Number => "par numéro",
        SortKey::Title => "par intitulé",
        SortKey::EndDate => "par fin d'enregistrement",
    }
}
pub const HELP_IN_HELP: &str = "Dans cette aide";
pub const HELP_IN_SEARCH: &str = "Dans la recherche";
pub const SEARCH_TITLE: &str = "Recherche";
pub const SEARCH_PROMPT: &str = "/ ";
pub const SEARCH_EMPTY: &str =
    "Tapez un métier, une compétence, une UE… (sans accents si vous voulez)";
pub const SEARCH_NONE: &str = "Aucun résultat.";
pub const SEARCH_RUNNING: &str = "recherche…";
/// After the filter in force when the filter line has room for it alone.
pub const SEARCH_NEXT_FILTER: &str = "▸";
pub const SEARCH_ALL_PARCOURS: &str = "tous les parcours";
pub const PICK_TITLE: &str = "Dans quel parcours ?";
pub const TOO_SMALL: &str = "Terminal trop petit";
pub const COMMON_CORE: &str = "tronc commun";
pub const COMMON_CORE_TITLE: &str = "Tronc commun";
pub const WARNING_MARK: &str = "⚠";
/// Tree marks of course rows.
pub const MARK_COURSE: &str = "•";
pub const MARK_ELECTIVE: &str = "□";
pub const MARK_ONE_OF: &str = "◇";
pub const MARK_OPTIONAL: &str = "○";
pub const HELP_SYMBOLS: &str = "Symboles";
/// The help's legend of the symbols the screens use: (symbols, meaning).
pub const HELP_LEGEND: [(&str, &str); 10] = [
    ("▸ ▾", "Semestre ou UE replié / déplié (←→, Entrée)"),
    (MARK_COURSE, "Cours de l'UE"),
    (MARK_ELECTIVE, "Cours à choisir : l'UE dit « N au choix »"),
    (MARK_ONE_OF, "Un cours parmi des variantes (« A ou B »)"),
    (MARK_OPTIONAL, "Cours optionnel"),
    (
        WARNING_MARK,
        "Constat de check : détail dans le panneau Détail",
    ),
    ("? ECTS", "ECTS que la fiche ne donne pas"),
    ("≥ 88", "Total minimum : des UE sans ECTS s'y ajoutent"),
    (
        "= < >",
        "Comparaison : commun, à gauche seul, à droite seul",
    ),
    (
        "≠",
        "Comparaison : un élément propre à chaque côté, face à face",
    ),
];
pub const NO_FINDING: &str = "Aucun constat.";
pub const EMPTY_TREE: &str = "Aucun semestre décrit.";
pub const EMPTY_UE: &str = "aucune UE";
pub const UNKNOWN: &str = "inconnu";
pub const NOT_GIVEN: &str = "non précisé";
pub const NONE: &str = "aucun";
pub const NOT_A_TERMINAL: &str = "rncp-explorer: la sortie standard n'est pas un terminal ; \
l'explorateur plein écran a besoin d'un terminal interactif. Pour une sortie texte, utilisez \
une sous-commande (par exemple `rncp-explorer export --format markdown`).";

pub const LOADING_TITLE: &str = " Ouverture de l'export ";
pub const LOADING_HINT: &str = "q : annuler";
pub const LOADING_STOPPING: &str = "annulation…";

/// The status bar after a load that found something: how many, and where to see them.
pub fn load_warnings_notice(n: usize) -> String {
    match n {
        1 => "1 avertissement au chargement : w pour le lire".to_string(),
        n => format!(
            "{} avertissements au chargement : w pour les lire",
            grouped(n)
        ),
    }
}

/// A count with French digit groups: « 30 512 ».
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The line after loading an export: what was loaded and what was found on
/// the way (each one with --verbose when not listed already).
pub fn load_summary(fiches: usize, warnings: usize, listed: bool) -> String {
    let fiches = match fiches {
        1 => "1 fiche".to_string(),
        n => format!("{} fiches", grouped(n)),
    };
    match (warnings, listed) {
        (0, _) => format!("rncp-explorer: {fiches} chargées, aucun avertissement"),
        (1, true) => format!("rncp-explorer: {fiches}, 1 avertissement"),
        (n, true) => format!("rncp-explorer: {fiches}, {} avertissements", grouped(n)),
        (1, false) => format!("rncp-explorer: {fiches}, 1 avertissement — voir --verbose"),
        (n, false) => format!(
            "rncp-explorer: {fiches}, {} avertissements — voir --verbose",
            grouped(n)
        ),
    }
}

// Detail headings and labels.
pub const H_CERTIFICATION: &str = "Certification";
pub const H_ROME: &str = "Codes ROME";
pub const H_NSF: &str = "Codes NSF";
pub const H_FORMACODES: &str = "Formacodes";
pub const H_PARCOURS: &str = "Parcours";
pub const H_ACCESS: &str = "Voies d'accès et jurys";
pub const H_LEGAL: &str = "Base légale";
pub const H_LINKS: &str = "Pour plus d'informations";
pub const H_FINDINGS: &str = "Constats";
pub const H_ACTIVITIES: &str = "Activités";
pub const H_COMPETENCES: &str = "Compétences";
pub const H_SECTORS: &str = "Secteurs d'activité";
pub const H_JOBS: &str = "Types d'emplois";
pub const H_UES: &str = "Unités d'enseignement";
pub const H_COURSES: &str = "Cours";
pub const H_SHARED: &str = "Autres parcours qui ont cette UE";
pub const H_TAUGHT_IN: &str = "Parcours où ce cours est enseigné";
pub const L_AUTHORITY: &str = "Autorité";
pub const L_SIGNATORIES: &str = "Signataires";
pub const L_LEVEL: &str = "Niveau";
pub const L_VALIDITY: &str = "Validité des composantes";
pub const L_OPEN: &str = "ouverte";
pub const L_JURY: &str = "jury";
pub const L_NEW_CALEDONIA: &str = "Nouvelle-Calédonie";
pub const L_POLYNESIA: &str = "Polynésie française";
pub const L_ECTS: &str = "ECTS";
pub const L_RULE: &str = "Règle";
pub const L_UE: &str = "UE";
pub const L_KIND: &str = "Nature";
pub const L_TOTAL: &str = "Total";
pub const L_GENERAL_DECREE: &str = "Décret général";
pub const L_CREATION: &str = "Arrêté de création";
pub const L_VAE_DECREE: &str = "Décret VAE";
pub const L_OTHER: &str = "Autre";
pub const L_STATISTICS: &str = "Statistiques";
pub const L_SOURCES: &str = "Autres sources";
pub const L_CERT_PLACES: &str = "Lieux de certification";
pub const L_PREP_PLACES: &str = "Lieux de préparation";
pub const RULE_ALL: &str = "tous les cours";
pub const KIND_ONE_OF: &str = "au choix : un seul de ces cours";
pub const KIND_OPTIONAL: &str = "optionnel";
pub const OR: &str = " ou ";
pub const SHARED_NONE: &str = "Aucun : cette UE est propre à ce parcours.";
pub const SHARED_COMMON: &str = "UE du tronc commun : tous les parcours la suivent.";
pub const TAUGHT_NOWHERE: &str = "Aucun parcours.";

/// A result's kind in a narrow search popup.
pub fn badge_short(kind: crate::search::Kind) -> &'static str {
    use crate::search::Kind;
    match kind {
        Kind::Job => "Emploi",
        Kind::Competence => "Comp.",
        Kind::Activity => "Activ.",
        Kind::Sector => "Sect.",
        Kind::Ue => "UE",
        Kind::Course => "Cours",
        Kind::Title => "Intit.",
        Kind::Abbreviation => "Dipl.",
        Kind::Bloc => "Bloc",
        Kind::Rome => "ROME",
        Kind::Certifier => "Certif.",
    }
}

pub fn search_count(shown: usize, total: usize) -> String {
    match (shown, total) {
        (_, 0) => String::new(),
        (s, t) if s == t => format!("{t} résultat{}", if t > 1 { "s" } else { "" }),
        (s, t) => format!("{s} premiers sur {t}"),
    }
}

/// `search_count` where room is short: "200/1077".
pub fn search_count_short(shown: usize, total: usize) -> String {
    match (shown, total) {
        (_, 0) => String::new(),
        (s, t) if s == t => t.to_string(),
        (s, t) => format!("{s}/{t}"),
    }
}

pub fn ects(n: u32) -> String {
    format!("{n} ECTS")
}

/// A sum: "88 ECTS", "≥ 88 ECTS" (some part unknown), "? ECTS".
pub fn ects_sum(total: EctsSum) -> String {
    format!("{total} ECTS")
}

/// A UE's ECTS in a row: "6 ECTS" or "? ECTS".
pub fn ects_or_unknown(ects: Option<u32>) -> String {
    ects_sum(EctsSum::of(ects))
}

/// A pane's scroll position, longest first: "lignes 15–37 sur 76",
/// "15–37 sur 76", "37/76".
pub fn scroll_positions(first: usize, last: usize, total: usize) -> [String; 3] {
    [
        format!("lignes {first}–{last} sur {total}"),
        format!("{first}–{last} sur {total}"),
        format!("{last}/{total}"),
    ]
}

pub fn choose(k: u32) -> String {
    format!("{k} au choix")
}

pub fn choose_among(k: u32, n: usize) -> String {
    format!("{k} au choix parmi {n} cours")
}

/// A course of an elective UE: "à choisir (2 au choix parmi 6 cours de l'UE)".
pub fn elective_course(k: u32, n: usize) -> String {
    format!("à choisir ({} de l'UE)", choose_among(k, n))
}

pub fn semester(n: u8) -> String {
    format!("Semestre {n}")
}

pub fn semester_short(n: u8) -> String {
    format!("S{n}")
}

pub fn counted(heading: &str, n: usize) -> String {
    format!("{heading} ({n})")
}

pub fn ects_of(total: EctsSum, expected: u32) -> String {
    format!("{total} / {expected} ECTS")
}

pub fn availability(a: Availability) -> &'static str {
    match a {
        Availability::Yes => "oui",
        Availability::No => "non",
        // Like the Markdown export: the fiche has the row, its Oui/Non was lost.
        Availability::Unknown => "inconnu (non lisible dans la source)",
    }
}

/// French spacing inside guillemets made unbreakable ("«\u{a0}Stage\u{a0}»"),
/// so a wrapped line never starts with a lone "»".
pub fn guillemets(text: &str) -> String {
    text.replace("« ", "«\u{a0}").replace(" »", "\u{a0}»")
}

pub fn level(nomenclature_1969: &str, europe: &str) -> String {
    format!("{nomenclature_1969} (nomenclature de 1969) · {europe} (cadre européen)")
}

pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!("{width}×{height} : il faut au moins {min_width}×{min_height}")
}

pub fn common_core_note(parcours: usize) -> String {
    format!("Semestres communs aux {parcours} parcours.")
}
