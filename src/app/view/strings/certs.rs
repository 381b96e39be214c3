//! UI text of the certification comparison and its picker (the labels of
//! the comparison itself are `compare::certs::labels`, shared with the CLI).

use crate::compare::certs::{BlocCounts, CertSummary};

pub const PANE_CERTS: &str = "Comparaison de certifications";
pub const HELP_CERTS: &str = "Comparaison de deux certifications";
pub const HELP_CERT_PICK: &str = "Choix de la certification à comparer";
pub const HELP_CERT_TYPING: &str = "Taper filtre la liste : numéro (35340, RNCP35340) ou mots de l'intitulé, dans n'importe quel ordre";
pub const PICK_NONE: &str = "Aucune fiche ne correspond au filtre (Ctrl-U l'efface).";
pub const PICK_FILTER: &str = "Filtre : ";
pub const PICK_FILTER_HINT: &str = "numéro ou mots de l'intitulé";
/// The parcours picker's last row, when the catalogue has other fiches.
pub const OTHER_CERT: &str = "Comparer avec une autre certification…";
/// Tags of the fiches a replacement links to the left one, listed first.
pub const TAG_REPLACED_BY: &str = "la remplace";
pub const TAG_REPLACES: &str = "remplacée par elle";

/// "Comparer RNCP35340 avec… (12/30 512)".
pub fn pick_title(left: &str, shown: usize, total: usize) -> String {
    format!("Comparer {left} avec… ({shown}/{total})")
}

/// "RNCP35340 ↔ RNCP40792", the frame's title.
pub fn title(left: &str, right: &str) -> String {
    format!("{PANE_CERTS} : {left} ↔ {right}")
}

/// "= commun   ≈ même bloc, autre intitulé   < RNCP35340 seule   > RNCP40792 seule   ≠ …".
pub fn legend(left: &str, right: &str) -> String {
    format!(
        "= commun   ≈ même bloc, autre intitulé   < {left} seule   > {right} seule   \
         ≠ différent, ou chacun le sien"
    )
}

/// "Blocs : alignés 5 (4 sous un autre intitulé), propres 0|0".
fn blocs(b: BlocCounts) -> String {
    let renamed = match b.renamed {
        0 => String::new(),
        n => format!(" ({n} sous un autre intitulé)"),
    };
    format!(
        "Blocs : alignés {}{renamed}, propres {}|{}",
        b.shared, b.left, b.right
    )
}

/// What the two share, in one line.
pub fn shared(s: &CertSummary) -> String {
    format!(
        "{} · En commun : ROME {}, NSF {}, Formacodes {}, certificateurs {}, emplois {}, compétences {}",
        blocs(s.blocs),
        s.rome.shared,
        s.nsf.shared,
        s.formacodes.shared,
        s.certifiers.shared,
        s.jobs.shared,
        s.competences.shared
    )
}

/// The one-line header of a small screen: "< RNCP35340 · > RNCP40792".
pub fn compact_header(left: &str, right: &str) -> String {
    format!("< {left} · > {right}")
}
