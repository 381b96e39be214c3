//! The export's text fields are lists flattened into one line; this turns each
//! into items (paragraphs, bullets with their level, headers, lead-ins) while
//! keeping each item's exact wording. Rules and examples: `docs/registry.md`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A structured text field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub items: Vec<Item>,
    /// The text as the export gave it, kept only when it held HTML markup or
    /// entities: then the items are a cleaned reading and this is the faithful form.
    pub raw: Option<String>,
}

/// One item of a text field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Item {
    Paragraph(String),
    /// A title-like line ending with ":" ("Option A « … » :", "Développer une application sécurisée :").
    Header(String),
    /// A sentence that announces a list ("Les compétences attestées sont les suivantes :").
    LeadIn(String),
    /// A bullet and its level (1 or 2).
    Bullet(u8, String),
}

impl Item {
    pub fn text(&self) -> &str {
        match self {
            Item::Paragraph(t) | Item::Header(t) | Item::LeadIn(t) | Item::Bullet(_, t) => t,
        }
    }

    /// True for the items that are entries of a list (bullets and paragraphs),
    /// false for the lines that only introduce one.
    pub fn is_entry(&self) -> bool {
        matches!(self, Item::Paragraph(_) | Item::Bullet(..))
    }
}

impl Text {
    /// The items' texts joined by newlines (for display and search).
    pub fn plain(&self) -> String {
        self.items
            .iter()
            .map(Item::text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Characters that start a bullet when followed by a space.
const BULLETS: [char; 9] = ['*', '-', '•', '●', 'o', '–', '▪', '◦', '■'];

/// Structures one text field (already XML-decoded and sanitized, but possibly
/// holding escaped HTML). Returns `None` for a blank field.
pub fn structure(input: &str) -> Option<Text> {
    if input.trim().is_empty() {
        return None;
    }
    let (clean, had_html) = strip_html(input);
    // Decoded entities may spell controls (`&amp;#27;`): the cleaned reading
    // is sanitized again, breaks kept.
    let clean: Cow<'_, str> = if had_html {
        Cow::Owned(super::sanitize::clean_text(&clean).0.into_owned())
    } else {
        clean
    };
    let mut items: Vec<Item> = Vec::new();
    let mut markers: Vec<char> = Vec::new();
    // A marker cut from its text ("-  Comprendre": two spaces before a
    // capital) waits for it.
    let mut lone_marker: Option<&str> = None;
    for segment in segments(&clean) {
        let segment = segment.trim_matches(is_space);
        if segment.is_empty() {
            continue;
        }
        if is_lone_marker(segment) {
            lone_marker = Some(segment);
            continue;
        }
        let joined;
        let segment = match lone_marker.take() {
            Some(marker) => {
                joined = format!("{marker} {segment}");
                joined.as_str()
            }
            None => segment,
        };
        let item = classify(segment, &mut markers);
        // The export's own line breaks cut a bullet mid-sentence ("… un
        // prestataire de    services informatiques est confrontée ;"): an
        // unmarked piece in lower case after a bullet that has not ended
        // continues it.
        if let (Item::Paragraph(rest), Some(Item::Bullet(_, text))) = (&item, items.last_mut())
            && rest.chars().next().is_some_and(char::is_lowercase)
            && !text.ends_with(['.', ';', ':', '!', '?'])
        {
            text.push(' ');
            text.push_str(rest);
            continue;
        }
        items.push(item);
    }
    if let Some(marker) = lone_marker {
        items.push(Item::Paragraph(marker.to_string()));
    }
    if items.is_empty() {
        return None;
    }
    Some(Text {
        items,
        raw: had_html.then(|| input.to_string()),
    })
}

/// A segment that is only a bullet marker.
fn is_lone_marker(segment: &str) -> bool {
    let mut chars = segment.chars();
    chars
        .next()
        .is_some_and(|c| BULLETS.contains(&c) && c != 'o')
        && chars.next().is_none()
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\t'
}

/// Cuts the text at its item boundaries: newlines; runs of 4+ spaces; runs of
/// 2–3 spaces before a bullet marker or an upper-case letter.
fn segments(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Bytes, not chars: the boundaries are ASCII spaces, NBSP (C2 A0) and
    // newlines, so every cut falls between characters.
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            out.push(&text[start..i]);
            i += 1;
            start = i;
            continue;
        }
        let width = space_width(bytes, i);
        if width == 0 {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut run = 0;
        while i < bytes.len() {
            let w = space_width(bytes, i);
            if w == 0 {
                break;
            }
            run += 1;
            i += w;
        }
        // "mosaïques; - cloisonnements": after list punctuation one space will do.
        let after_punctuation = run_start > 0 && matches!(bytes[run_start - 1], b';' | b':');
        if run < 2 && !after_punctuation {
            continue;
        }
        let rest = &text[i..];
        let cut = run >= 4
            || (run >= 2 && (starts_with_bullet(rest) || starts_upper(rest)))
            || (after_punctuation && spaced_bullet(rest));
        if cut {
            out.push(&text[start..run_start]);
            start = i;
        }
    }
    out.push(&text[start..]);
    out
}

/// Width in bytes of the space at `i` (space, tab, NBSP), or 0.
fn space_width(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b' ' | b'\t' => 1,
        0xC2 if bytes.get(i + 1) == Some(&0xA0) => 2,
        _ => 0,
    }
}

fn starts_with_bullet(text: &str) -> bool {
    bullet_marker(text).is_some()
}

/// A bullet marker followed by a space ("- cloisonnements", not "-ou").
fn spaced_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next().is_some_and(is_space)
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// The bullet marker starting `text` and the text after it. `*`, `•` and `●`
/// may touch the word ("•Analyste"); the others need a space ("o Recenser").
fn bullet_marker(text: &str) -> Option<(char, &str)> {
    let c = text.chars().next()?;
    if !BULLETS.contains(&c) {
        return None;
    }
    let rest = &text[c.len_utf8()..];
    let next = rest.chars().next();
    let spaced = next.is_some_and(is_space);
    let touching = matches!(c, '*' | '•' | '●' | '▪' | '■')
        && next.is_some_and(|n| n.is_alphanumeric() || n == '«');
    (spaced || touching).then(|| (c, rest.trim_start_matches(is_space)))
}

fn classify(segment: &str, markers: &mut Vec<char>) -> Item {
    if let Some((marker, rest)) = bullet_marker(segment)
        && !rest.is_empty()
    {
        // Levels follow the order markers first appear in: the first is the
        // outer list, any other nests under it ("* Gérer … o Recenser").
        if !markers.contains(&marker) {
            markers.push(marker);
        }
        let level = if markers[0] == marker { 1 } else { 2 };
        return Item::Bullet(level, rest.to_string());
    }
    if segment.ends_with(':') {
        return if is_lead_in(segment) {
            Item::LeadIn(segment.to_string())
        } else {
            Item::Header(segment.to_string())
        };
    }
    if is_option_title(segment) {
        return Item::Header(segment.to_string());
    }
    Item::Paragraph(segment.to_string())
}

/// "Option « Solutions logicielles et applications métiers »" (or "Option B
/// « … »"): an option's title even without its colon, as the export writes
/// the second option of a fiche after a colon-ended first one. Not a
/// paragraph, whose short pieces would pass for job titles.
fn is_option_title(segment: &str) -> bool {
    let Some(rest) = segment.strip_prefix("Option ") else {
        return false;
    };
    // At most a letter or number before the quoted name ("B", "2").
    let name = match rest.split_once('«') {
        Some((before, name)) if before.trim().chars().count() <= 2 => name,
        _ => return false,
    };
    name.trim_end().ends_with('»') && !name.contains('«') && segment.split(' ').count() <= 16
}

/// Words that make a colon-ended line a sentence announcing a list rather than a title.
const LEAD_IN_WORDS: [&str; 14] = [
    "sont",
    "est",
    "suivant",
    "suivants",
    "suivantes",
    "suivante",
    "peut",
    "peuvent",
    "notamment",
    "comme",
    "titre",
    "permet",
    "doit",
    "intervient",
];

fn is_lead_in(segment: &str) -> bool {
    let folded = super::super::normalize::fold_str(segment);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() > 12 || words.iter().any(|w| LEAD_IN_WORDS.contains(w))
}

/// Block-level tags whose end is an item boundary.
const BLOCK_TAGS: [&str; 12] = [
    "p", "br", "div", "ul", "ol", "li", "tr", "h1", "h2", "h3", "h4", "table",
];

/// Decodes HTML entities (twice-escaped ones too) and removes tags, turning
/// block tags into line breaks and `<li>` into bullets. Returns the cleaned
/// text and whether anything HTML was found.
fn strip_html(input: &str) -> (Cow<'_, str>, bool) {
    if memchr::memchr2(b'&', b'<', input.as_bytes()).is_none() {
        return (Cow::Borrowed(input), false);
    }
    let mut text = input.to_string();
    let mut had = false;
    // `&amp;eacute;` needs two rounds; a third catches triple escaping.
    for _ in 0..3 {
        if !has_entity(&text) {
            break;
        }
        let decoded = html_escape::decode_html_entities(&text).into_owned();
        if decoded == text {
            break;
        }
        had = true;
        text = decoded;
    }
    if !text.contains('<') {
        if had {
            text = text.replace(['\r'], "\n");
        }
        return (Cow::Owned(text), had);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth: usize = 0;
    let mut rest = text.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some((name, closing, len)) = tag_at(after) else {
            out.push('<');
            rest = after;
            continue;
        };
        had = true;
        let lower = name.to_ascii_lowercase();
        if lower == "ul" || lower == "ol" {
            depth = if closing {
                depth.saturating_sub(1)
            } else {
                depth + 1
            };
        }
        if lower == "li" && !closing {
            out.push_str(if depth >= 2 { "\no " } else { "\n* " });
        } else if BLOCK_TAGS.contains(&lower.as_str()) {
            out.push('\n');
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    (Cow::Owned(out.replace('\r', "\n")), had)
}

fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(i, _)| {
        let tail = &text[i + 1..];
        let name_len = tail
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .count();
        name_len > 0 && tail[name_len..].starts_with(';')
    })
}

/// If `after` (the text after a `<`) starts a tag, its name, whether it closes,
/// and its length up to and including `>`.
fn tag_at(after: &str) -> Option<(&str, bool, usize)> {
    let (closing, body) = match after.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, after),
    };
    let name_len = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = &body[..name_len];
    let tail = &body[name_len..];
    if !(tail.starts_with('>') || tail.starts_with('/') || tail.starts_with(is_space)) {
        return None;
    }
    let close = tail.find('>')?;
    // A stray "<" in prose never spans hundreds of characters to a ">".
    if close > 200 {
        return None;
    }
    let len = usize::from(closing) + name_len + close + 1;
    Some((name, closing, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<Item> {
        structure(text).map(|t| t.items).unwrap_or_default()
    }

    fn p(t: &str) -> Item {
        Item::Paragraph(t.into())
    }

    fn b(level: u8, t: &str) -> Item {
        Item::Bullet(level, t.into())
    }

    #[test]
    fn runs_of_four_spaces_are_paragraph_breaks() {
        assert_eq!(
            items("Concepteur développeur    Ingénieur d'études et développement"),
            vec![
                p("Concepteur développeur"),
                p("Ingénieur d'études et développement")
            ]
        );
    }

    #[test]
    fn bullets_nest_by_order_of_appearance() {
        assert_eq!(
            items(
                "* Gérer le patrimoine informatique    o Recenser les matériels    o Suivre les licences    * Administrer"
            ),
            vec![
                b(1, "Gérer le patrimoine informatique"),
                b(2, "Recenser les matériels"),
                b(2, "Suivre les licences"),
                b(1, "Administrer"),
            ]
        );
    }

    #[test]
    fn two_spaces_cut_before_a_bullet_or_a_capital_only() {
        assert_eq!(
            items("- Concevoir un projet  - Analyser le dossier  -ou doivent- rester"),
            vec![
                b(1, "Concevoir un projet"),
                b(1, "Analyser le dossier  -ou doivent- rester")
            ]
        );
        assert_eq!(
            items("Installer le poste  Maquetter des interfaces"),
            vec![p("Installer le poste"), p("Maquetter des interfaces")]
        );
        assert_eq!(
            items("projet web  ou mobile"),
            vec![p("projet web  ou mobile")]
        );
        assert_eq!(
            items("●Analyste-Programmeur    ● Architecte logiciel"),
            vec![b(1, "Analyste-Programmeur"), b(1, "Architecte logiciel")]
        );
    }

    #[test]
    fn a_star_inside_a_word_is_not_a_bullet() {
        assert_eq!(
            items("* C1. Concevoir une blockchain* privée"),
            vec![b(1, "C1. Concevoir une blockchain* privée")]
        );
    }

    #[test]
    fn colon_lines_are_headers_or_lead_ins() {
        assert_eq!(
            items(
                "Les compétences attestées sont les suivantes :    Option A « Maintenance » :    * Diagnostiquer"
            ),
            vec![
                Item::LeadIn("Les compétences attestées sont les suivantes :".into()),
                Item::Header("Option A « Maintenance » :".into()),
                b(1, "Diagnostiquer"),
            ]
        );
    }

    #[test]
    fn a_bullet_cut_by_the_exports_line_breaks_is_one_item() {
        // RNCP35340's CAPACITES_ATTESTEES.
        assert_eq!(
            items(
                "* Culture économique :     - analyser des situations auxquelles un prestataire de    services informatiques est confrontée ;    - établir un diagnostic préparant une prise de décision    stratégique ;    -  Comprendre et manipuler les objets ;    - résoudre des problèmes."
            ),
            vec![
                b(1, "Culture économique :"),
                b(
                    2,
                    "analyser des situations auxquelles un prestataire de services informatiques est confrontée ;"
                ),
                b(
                    2,
                    "établir un diagnostic préparant une prise de décision stratégique ;"
                ),
                b(2, "Comprendre et manipuler les objets ;"),
                b(2, "résoudre des problèmes."),
            ]
        );
        // A bullet that ended is not continued; a paragraph after it stays one.
        assert_eq!(
            items("- un métier ;    puis un paragraphe"),
            vec![b(1, "un métier ;"), p("puis un paragraphe")]
        );
    }

    #[test]
    fn an_option_title_without_its_colon_is_a_header() {
        // RNCP35340's TYPE_EMPLOI_ACCESSIBLES: the second option has no colon.
        assert_eq!(
            items(
                "technicien systèmes et réseaux.      Option « Solutions logicielles et applications métiers »    Les dénominations d’emplois concernées sont diverses."
            ),
            vec![
                p("technicien systèmes et réseaux."),
                Item::Header("Option « Solutions logicielles et applications métiers »".into()),
                p("Les dénominations d’emplois concernées sont diverses."),
            ]
        );
        assert_eq!(
            items("Option B « Réseaux »"),
            vec![Item::Header("Option B « Réseaux »".into())]
        );
        // Prose that begins with the word is no title.
        assert_eq!(
            items("Option « A » ou « B » au choix du candidat"),
            vec![p("Option « A » ou « B » au choix du candidat")]
        );
    }

    #[test]
    fn html_is_stripped_and_entities_decoded_and_raw_kept() {
        let t = structure("<p>Gestion d&amp;eacute;l&eacute;gu&eacute;e&#13;</p><ul><li>Cr&eacute;er</li><li>Suivre</li></ul>").unwrap();
        assert_eq!(
            t.items,
            vec![p("Gestion déléguée"), b(1, "Créer"), b(1, "Suivre")]
        );
        assert!(t.raw.is_some());
        assert_eq!(structure("a < b et c > d").unwrap().raw, None);
        assert_eq!(
            structure("a < b et c > d").unwrap().items,
            vec![p("a < b et c > d")]
        );
    }

    #[test]
    fn blank_is_none() {
        assert_eq!(structure("   "), None);
    }
}
