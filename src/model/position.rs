//! Line and column of a place in a source text, for located messages. Its
//! own module so that loading and validation both use it without importing
//! each other.

/// 1-based line and column just after `prefix` (columns count characters).
pub(crate) fn end_position(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let col = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Line and column of the `nth` (0-based) occurrence of `needle`, if any.
pub(crate) fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let (offset, _) = text.match_indices(needle).nth(nth)?;
    Some(end_position(&text[..offset]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(end_position("é\nàb"), (2, 3));
    }

    #[test]
    fn locate_finds_the_nth_occurrence() {
        assert_eq!(locate("a\nb a", "a", 1), Some((2, 3)));
        assert_eq!(locate("a", "z", 0), None);
    }
}
