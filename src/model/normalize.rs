//! Text folding shared by search, comparison and the "shared with" lists:
//! one definition of "the same words", so every feature agrees.

/// Text folded for matching, with a map back to the original characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// Lower case, no accents, typographic variants replaced (é→e, œ→oe, ’→').
    pub text: String,
    /// For each char of `text`, the index of the original char it came from.
    pub origin: Vec<usize>,
}

/// How one original character folds.
fn fold_char(c: char) -> FoldedChar {
    if c.is_ascii() {
        return FoldedChar::One(c.to_ascii_lowercase());
    }
    match c {
        // deunicode spells these in ways a typist would not.
        '\u{a0}' | '\u{202f}' | '\u{2007}' => FoldedChar::One(' '),
        '«' | '»' | '“' | '”' => FoldedChar::One('"'),
        '–' | '—' | '‑' => FoldedChar::One('-'),
        '…' => FoldedChar::Many("..."),
        _ => match deunicode::deunicode_char(c) {
            Some(s) if !s.is_empty() => FoldedChar::Many(s),
            // Combining marks (a decomposed "é" is "e" + U+0301) spell as
            // nothing: drop them so "e\u{301}" folds like "é".
            Some(_) => FoldedChar::Many(""),
            // No ASCII spelling known (e.g. CJK without a table entry): keep it.
            None => FoldedChar::Keep(c),
        },
    }
}

enum FoldedChar {
    One(char),
    Many(&'static str),
    Keep(char),
}

/// Folds `text` for matching: see [`Folded`]. Linear in the text's length.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        match fold_char(c) {
            FoldedChar::One(f) => {
                out.push(f);
                origin.push(index);
            }
            // `to_lowercase` may yield several chars ("İ" → "i̇"): map each.
            FoldedChar::Keep(k) => {
                for f in k.to_lowercase() {
                    out.push(f);
                    origin.push(index);
                }
            }
            FoldedChar::Many(s) => {
                for f in s.chars() {
                    out.push(f.to_ascii_lowercase());
                    origin.push(index);
                }
            }
        }
    }
    Folded { text: out, origin }
}

/// Folds text without keeping the map (queries, keys).
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends `text` folded (as [`fold`] folds it) to `out`, without the map:
/// what an index pays per item, so ASCII runs take a fast path.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // An ASCII run at once, then one other char.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let from = out.len();
        out.push_str(run);
        // Lower-casing ASCII keeps the string valid UTF-8.
        out.get_mut(from..)
            .expect("a char boundary")
            .make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            match fold_char(c) {
                FoldedChar::One(f) => out.push(f),
                FoldedChar::Keep(k) => out.extend(k.to_lowercase()),
                FoldedChar::Many(s) => out.extend(s.chars().map(|f| f.to_ascii_lowercase())),
            }
        }
        rest = chars.as_str();
    }
}

/// Words of a folded text: ASCII alphanumeric runs (apostrophes and punctuation split).
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

const LEADING_ARTICLES: [&str; 4] = ["le", "la", "les", "l"];

/// The key under which two titles count as the same item, tolerant of the
/// wording drift real fiches show: case, accents, typography, a leading
/// article ("Le métier d'élu" ≈ "Métier d'élu") and singular/plural
/// ("action publique locale" ≈ "action publique locales"). Nothing else:
/// titles that differ by a real word stay apart.
pub fn title_key(title: &str) -> String {
    title_key_folded(&fold_str(title))
}

/// [`title_key`] of a text already folded.
pub fn title_key_folded(folded: &str) -> String {
    let mut key = String::new();
    title_key_into(folded, &mut key);
    key
}

/// [`title_key_folded`] into `key` (cleared first): no allocation once `key` has room.
pub fn title_key_into(folded: &str, key: &mut String) {
    key.clear();
    let mut ws = words(folded).peekable();
    if let Some(first) = ws.next() {
        let skip = ws.peek().is_some() && LEADING_ARTICLES.contains(&first);
        if !skip {
            key.push_str(singular(first));
        }
    }
    for w in ws {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(singular(w));
    }
}

/// Drops a plural mark from a folded word of 4+ letters: a final `s` or `x`
/// ("locales" → "locale", "travaux" → "travau" on both sides alike). Irregular
/// plurals are not undone: "territoriaux" never meets "territorial".
fn singular(word: &str) -> &str {
    if word.len() > 3 && (word.ends_with('s') || word.ends_with('x')) && !word.ends_with("ss") {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// True when two titles name the same thing under [`title_key`].
pub fn same_title(a: &str, b: &str) -> bool {
    title_key(a) == title_key(b)
}

/// The key under which two UE codes are the same: folded, letters and digits
/// only ("UE 7" ≈ "UE7" ≈ "ue 7"; "UE 7" ≠ "UE 17").
pub fn code_key(code: &str) -> String {
    fold_str(code)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The key for "the same list item" (jobs, competences, sectors across
/// parcours): folded, whitespace collapsed, trailing punctuation dropped.
/// Stricter than [`title_key`]: it keeps articles and plurals.
pub fn item_key(item: &str) -> String {
    item_key_folded(&fold_str(item))
}

/// [`item_key`] of a text already folded.
pub fn item_key_folded(folded: &str) -> String {
    let mut key = String::with_capacity(folded.len());
    item_key_into(folded, &mut key);
    key
}

/// [`item_key_folded`] into `key` (cleared first): no allocation once `key` has room.
pub fn item_key_into(folded: &str, key: &mut String) {
    key.clear();
    for word in folded.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    let kept = key.trim_end_matches(['.', ',', ';', ' ']).len();
    key.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_typography() {
        assert_eq!(fold_str("Ingénieur"), "ingenieur");
        assert_eq!(fold_str("mise en œuvre"), "mise en oeuvre");
        assert_eq!(fold_str("d’élu"), "d'elu");
        assert_eq!(fold_str("CHARGÉ\u{a0}D’ÉTUDES"), "charge d'etudes");
    }

    #[test]
    fn fold_str_agrees_with_fold() {
        for text in [
            "Œuvre d’élu 中 \u{e000}x",
            "ASCII Only",
            "İstanbul",
            "e\u{301}",
            "",
        ] {
            assert_eq!(fold_str(text), fold(text).text, "{text:?}");
        }
    }

    #[test]
    fn fold_maps_each_folded_char_to_its_origin() {
        let f = fold("œuvre é");
        assert_eq!(f.text, "oeuvre e");
        // "o" and "e" both come from "œ" (char 0); "u" from char 1.
        assert_eq!(&f.origin[..3], &[0, 0, 1]);
        assert_eq!(f.origin[7], 6);
        assert_eq!(f.origin.len(), f.text.chars().count());
    }

    #[test]
    fn fold_maps_multi_byte_and_expanding_chars() {
        // "Œ" expands to two chars, "’" is 3 bytes, "中" spells as several
        // letters and U+E000 (private use) has no spelling so it is kept:
        // every folded char still points at the original char it came from.
        let original = "Œuvre d’élu 中 \u{e000}x";
        let f = fold(original);
        assert_eq!(f.text, "oeuvre d'elu zhong  \u{e000}x");
        assert_eq!(f.origin.len(), f.text.chars().count());
        let chars: Vec<char> = original.chars().collect();
        let source = |i: usize| chars[f.origin[i]];
        assert_eq!((source(0), source(1), source(2)), ('Œ', 'Œ', 'u'));
        assert_eq!(source(8), '’');
        assert_eq!(source(9), 'é');
        assert!((13..19).all(|i| source(i) == '中'));
        assert_eq!(source(19), ' ');
        assert_eq!(source(20), '\u{e000}');
        assert_eq!(source(21), 'x');
    }

    #[test]
    fn fold_drops_combining_marks() {
        // Decomposed "é" (e + U+0301) folds like the precomposed one.
        assert_eq!(fold_str("Inge\u{301}nieur"), "ingenieur");
        assert_eq!(fold("e\u{301}l").origin, vec![0, 2]);
    }

    #[test]
    fn title_key_tolerates_plural_article_and_case() {
        assert!(same_title(
            "Politique et action publique locale",
            "Politique et action publique locales"
        ));
        assert!(same_title("Le métier d’élu", "Métier d'élu"));
        assert!(same_title(
            "institutions et politiques locales comparées",
            "Institutions et politiques locales comparées"
        ));
    }

    #[test]
    fn title_key_keeps_different_titles_apart() {
        assert!(!same_title(
            "Action internationale des collectivités territoriales",
            "Politique et action publique locales"
        ));
        assert!(!same_title("Séminaire du Ceraps", "Séminaire d'ouverture"));
        // Only a leading article goes; an inner one is a real word.
        assert!(!same_title("Métier d'élu", "Métier de l'élu"));
        // Irregular plurals are not guessed.
        assert!(!same_title("Enjeu territorial", "Enjeux territoriaux"));
        // Short words keep their final s: "bus" is not "bu".
        assert!(!same_title("Le bus", "Le bu"));
    }

    #[test]
    fn code_key_ignores_spacing_and_case_only() {
        assert_eq!(code_key("UE 7"), code_key("UE7"));
        assert_eq!(code_key("UE 7"), code_key("ue\u{a0}7"));
        assert_ne!(code_key("UE 7"), code_key("UE 17"));
        assert_ne!(code_key("UE 1"), code_key("UE 11"));
    }

    #[test]
    fn item_key_ignores_trailing_punctuation_and_spacing() {
        assert_eq!(
            item_key("chef de projets humanitaires,"),
            item_key("Chef  de projets humanitaires")
        );
        assert_ne!(item_key("Chargé d’études"), item_key("Chargés d’études"));
    }
}
