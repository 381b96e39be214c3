//! Texts of copy (`y`), links (`o`), the findings popup (`!`) and the
//! remembered state.

pub const HELP_FINDINGS: &str = "Dans les constats";
pub const HELP_LINKS: &str =
    "Liens : Cliquables dans le détail quand le terminal le permet (OSC 8)";
pub const HELP_MEMORY: &str =
    "Mémoire : Parcours choisi, dépliages et panneau repris au lancement suivant";
pub const FINDINGS_TITLE: &str = "Constats de la fiche";
pub const NO_LINK: &str = "aucun lien dans le détail";
pub const STATE_IGNORED: &str = "état précédent illisible : ignoré";

/// French digit grouping: 1 234 567.
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

/// "copié : 1 234 caractères", and the cut when the text was too long.
pub fn copied(chars: usize, cut_at: Option<usize>) -> String {
    let unit = if chars > 1 {
        "caractères"
    } else {
        "caractère"
    };
    match cut_at {
        None => format!("copié : {} {unit}", grouped(chars)),
        Some(max) => format!(
            "copié : {} {unit} (coupé à {} Kio)",
            grouped(chars),
            grouped(max / 1024)
        ),
    }
}

/// "ouverture : https://… (lien 1/2, o : suivant)".
pub fn opening(url: &str, turn: usize, of: usize) -> String {
    if of > 1 {
        format!("ouverture : {url} (lien {turn}/{of}, o : suivant)")
    } else {
        format!("ouverture : {url}")
    }
}

pub fn open_failed(error: &str) -> String {
    format!("impossible d'ouvrir le lien : {error}")
}

/// "Constats de la fiche (4)".
pub fn findings_title(n: usize) -> String {
    format!("{FINDINGS_TITLE} ({n})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_in_french() {
        assert_eq!(grouped(1234), "1 234");
        assert_eq!(grouped(123), "123");
        assert_eq!(grouped(1_234_567), "1 234 567");
        assert_eq!(copied(1, None), "copié : 1 caractère");
        assert_eq!(copied(1234, None), "copié : 1 234 caractères");
    }
}
