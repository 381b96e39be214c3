//! Just enough of RON's lexical grammar to find string literals and their
//! places in the source, so that every error about a string (a forbidden
//! character, raw or escaped; a blank title) names its line and column —
//! serde gives the loader values without positions.

/// One string literal of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Literal {
    /// Byte offset of the opening quote (or of the `r` of a raw string).
    pub start: usize,
    /// Byte offset just past the closing quote (and hashes).
    pub end: usize,
    /// The decoded text, escapes applied.
    pub value: String,
    /// Where the first forbidden character is: its byte offset in the source
    /// (the backslash, for an escape), the character, and whether it was
    /// written as an escape.
    pub forbidden: Option<(usize, char, bool)>,
}

/// Every string literal of `text`, in order, skipping comments and char
/// literals. Stops quietly at anything malformed: the parser reports that.
pub(crate) fn literals(text: &str, is_forbidden: impl Fn(char) -> bool) -> Vec<Literal> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n + 1);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i),
            b'\'' => i = skip_char_literal(bytes, i),
            b'"' => match quoted(text, i, &is_forbidden) {
                Some((literal, end)) => {
                    out.push(literal);
                    i = end;
                }
                None => break,
            },
            b'r' if is_raw_start(bytes, i) => match raw(text, i, &is_forbidden) {
                Some((literal, end)) => {
                    out.push(literal);
                    i = end;
                }
                None => break,
            },
            // An identifier: step over it whole, so the `r` in `number` or
            // the `b` in `rome` never starts a literal.
            c if c.is_ascii_alphanumeric() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    // RON block comments nest.
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

fn skip_char_literal(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len() && bytes[i] != b'\'' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i + 1
}

fn is_raw_start(bytes: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    bytes.get(j) == Some(&b'"')
}

/// `"…"` from `start`: the literal and the offset after its closing quote.
fn quoted(
    text: &str,
    start: usize,
    is_forbidden: &impl Fn(char) -> bool,
) -> Option<(Literal, usize)> {
    let mut value = String::new();
    let mut forbidden = None;
    let mut chars = text[start + 1..].char_indices();
    while let Some((k, c)) = chars.next() {
        let at = start + 1 + k;
        match c {
            '"' => {
                let literal = Literal {
                    start,
                    end: at + 1,
                    value,
                    forbidden,
                };
                return Some((literal, at + 1));
            }
            '\\' => {
                let decoded = match chars.next()?.1 {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'x' => {
                        let hex: String =
                            (0..2).filter_map(|_| chars.next().map(|x| x.1)).collect();
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    'u' => {
                        let rest = chars.as_str();
                        let (hex, used) = if let Some(r) = rest.strip_prefix('{') {
                            let end = r.find('}')?;
                            (&r[..end], end + 2)
                        } else {
                            (rest.get(..4)?, 4)
                        };
                        let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                        for _ in 0..rest[..used].chars().count() {
                            chars.next();
                        }
                        c
                    }
                    other => other,
                };
                if forbidden.is_none() && is_forbidden(decoded) {
                    forbidden = Some((at, decoded, true));
                }
                value.push(decoded);
            }
            c => {
                if forbidden.is_none() && is_forbidden(c) {
                    forbidden = Some((at, c, false));
                }
                value.push(c);
            }
        }
    }
    None
}

/// `r#"…"#` from `start`.
fn raw(text: &str, start: usize, is_forbidden: &impl Fn(char) -> bool) -> Option<(Literal, usize)> {
    let hashes = text[start + 1..].bytes().take_while(|&b| b == b'#').count();
    let open = start + 1 + hashes + 1;
    let close = format!("\"{}", "#".repeat(hashes));
    let len = text[open..].find(&close)?;
    let value = text[open..open + len].to_string();
    let forbidden = value
        .char_indices()
        .find(|&(_, c)| is_forbidden(c))
        .map(|(k, c)| (open + k, c, false));
    let end = open + len + close.len();
    let literal = Literal {
        start,
        end,
        value,
        forbidden,
    };
    Some((literal, end))
}

/// RON's parse errors in French: the program speaks French like its data
/// (issue 14). Names from the source (fields, variants) stay as written.
pub(crate) fn ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let names = |alts: &[&str]| {
        alts.iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let within = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|o| format!(" dans `{o}`"))
            .unwrap_or_default()
    };
    match code {
        E::Eof => "fin du texte inattendue (une parenthèse ou un crochet n'est pas fermé ?)".into(),
        E::ExpectedArray => "« [ » attendu".into(),
        E::ExpectedArrayEnd => "« ] » attendu".into(),
        E::ExpectedBoolean => "booléen attendu (true ou false)".into(),
        E::ExpectedComma => "virgule attendue".into(),
        E::ExpectedChar => "caractère attendu".into(),
        E::ExpectedFloat => "nombre décimal attendu".into(),
        E::ExpectedInteger => "nombre entier attendu".into(),
        E::ExpectedOption => "option attendue (Some(…) ou None)".into(),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => "« ) » attendue".into(),
        E::ExpectedMap => "« { » attendue".into(),
        E::ExpectedMapColon => "« : » attendu".into(),
        E::ExpectedMapEnd => "« } » attendue".into(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("structure `{expected}` attendue, `{found}` trouvée")
        }
        E::ExpectedStructLike => "« ( » attendue".into(),
        E::ExpectedNamedStructLike("") => "« ( » attendue".into(),
        E::ExpectedNamedStructLike(name) => format!("« ( » attendue pour `{name}`"),
        E::ExpectedUnit => "valeur vide « () » attendue".into(),
        E::ExpectedString => "chaîne attendue (entre guillemets)".into(),
        E::ExpectedStringEnd => "fin de chaîne attendue (guillemet fermant)".into(),
        E::ExpectedIdentifier => "identifiant attendu".into(),
        E::InvalidEscape(what) => format!("séquence d'échappement invalide ({what})"),
        E::IntegerOutOfBounds => "nombre hors des bornes permises".into(),
        E::InvalidIntegerDigit { digit, base } => {
            format!("chiffre {digit:?} invalide en base {base}")
        }
        E::UnclosedBlockComment => "commentaire /* … */ non fermé".into(),
        E::UnderscoreAtBeginning => "« _ » en tête d'un nombre".into(),
        E::UnexpectedChar(c) => format!("caractère inattendu {c:?}"),
        E::Utf8Error(_) => "texte invalide : ce n'est pas de l'UTF-8".into(),
        E::TrailingCharacters => "texte en trop après la fiche".into(),
        E::InvalidValueForType { expected, found } => {
            format!("valeur de type inattendu : {found}, alors que {expected} est attendu")
        }
        E::ExpectedDifferentLength { expected, found } => {
            format!("{found} élément(s) au lieu de {expected}")
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "variante inconnue `{found}`{} ; possibles : {}",
            within(outer),
            names(expected)
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "champ inconnu `{found}`{} ; possibles : {}",
            within(outer),
            names(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("champ obligatoire `{field}` absent{}", within(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("champ `{field}` donné deux fois{}", within(outer))
        }
        E::ExceededRecursionLimit => "imbrication trop profonde".into(),
        E::Message(m) => m.clone(),
        other => format!("texte RON invalide ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn control(c: char) -> bool {
        c.is_control()
    }

    #[test]
    fn finds_literals_and_decodes_escapes_but_skips_comments() {
        let text = "// \"no\"\n(a: \"x\\ty\", /* \"no\" /* nested */ */ b: r#\"q\"z\"#, c: 'c', number: \"é\")";
        let found = literals(text, control);
        let values: Vec<&str> = found.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(values, ["x\ty", "q\"z", "é"]);
        assert_eq!(found[0].forbidden, Some((14, '\t', true)));
        assert_eq!(found[1].forbidden, None);
    }

    #[test]
    fn raw_controls_and_unicode_escapes_are_placed() {
        let found = literals("(a: \"ab\ncd\", b: \"\\u{1b}\", c: \"\\u0007\")", control);
        assert_eq!(found[0].forbidden, Some((7, '\n', false)));
        assert_eq!(found[1].forbidden, Some((17, '\u{1b}', true)));
        assert_eq!(found[2].forbidden, Some((30, '\u{7}', true)));
        assert_eq!(found[2].value, "\u{7}");
    }
}
