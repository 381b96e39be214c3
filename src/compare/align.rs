//! Two ways of putting two lists side by side: in order (a diff, for the
//! maquette, where position means something) and shared-first (for the
//! competence, sector and job lists, where it does not).

/// One aligned row: an item from the left list, the right list, or both.
pub type Pair<'a, T> = (Option<&'a T>, Option<&'a T>);

/// Aligns two ordered lists on a key with a longest common subsequence, so
/// matched items keep their order on both sides. Between two matches, the
/// left-only items come first, then the right-only ones: each one-sided run
/// reads as a block under its side.
pub fn in_order<'a, T, K: Eq>(
    left: &'a [T],
    right: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<Pair<'a, T>> {
    let lk: Vec<K> = left.iter().map(&key).collect();
    let rk: Vec<K> = right.iter().map(&key).collect();
    // lcs[i][j]: length of the LCS of lk[i..] and rk[j..]. Lists are short
    // (a semester's UEs, a UE's courses), so the quadratic table is fine.
    let (n, m) = (lk.len(), rk.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if lk[i] == rk[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut rows = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    let (mut pending_left, mut pending_right) = (Vec::new(), Vec::new());
    let flush = |rows: &mut Vec<Pair<'a, T>>, pl: &mut Vec<&'a T>, pr: &mut Vec<&'a T>| {
        rows.extend(pl.drain(..).map(|l| (Some(l), None)));
        rows.extend(pr.drain(..).map(|r| (None, Some(r))));
    };
    while i < n || j < m {
        if i < n && j < m && lk[i] == rk[j] {
            flush(&mut rows, &mut pending_left, &mut pending_right);
            rows.push((Some(&left[i]), Some(&right[j])));
            i += 1;
            j += 1;
        } else if j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
            pending_left.push(&left[i]);
            i += 1;
        } else {
            pending_right.push(&right[j]);
            j += 1;
        }
    }
    flush(&mut rows, &mut pending_left, &mut pending_right);
    rows
}

/// Pairs equal items wherever they sit: shared items first (in left order),
/// then the left-only ones, then the right-only ones, each in its own order.
/// A repeated item pairs at most once per occurrence on the other side.
pub fn shared_first<'a, T, K: Eq>(
    left: &'a [T],
    right: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<Pair<'a, T>> {
    let rk: Vec<K> = right.iter().map(&key).collect();
    let mut used = vec![false; right.len()];
    let mut shared = Vec::new();
    let mut left_only = Vec::new();
    for l in left {
        let k = key(l);
        match (0..right.len()).find(|&j| !used[j] && rk[j] == k) {
            Some(j) => {
                used[j] = true;
                shared.push((Some(l), Some(&right[j])));
            }
            None => left_only.push((Some(l), None)),
        }
    }
    let right_only = right
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(r, _)| (None, Some(r)));
    shared
        .into_iter()
        .chain(left_only)
        .chain(right_only)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(rows: &[Pair<'_, &str>]) -> Vec<String> {
        rows.iter()
            .map(|(l, r)| {
                format!(
                    "{}|{}",
                    l.copied().unwrap_or("-"),
                    r.copied().unwrap_or("-")
                )
            })
            .collect()
    }

    #[test]
    fn in_order_keeps_matches_in_place_and_groups_one_sided_runs() {
        let left = ["a", "b", "c", "d"];
        let right = ["a", "x", "c", "y", "z"];
        let rows = in_order(&left, &right, |s| *s);
        assert_eq!(
            show(&rows),
            ["a|a", "b|-", "-|x", "c|c", "d|-", "-|y", "-|z"]
        );
    }

    #[test]
    fn in_order_handles_empty_sides() {
        let none: [&str; 0] = [];
        assert_eq!(show(&in_order(&["a"], &none, |s| *s)), ["a|-"]);
        assert_eq!(show(&in_order(&none, &["b"], |s| *s)), ["-|b"]);
        assert!(in_order(&none, &none, |s: &&str| *s).is_empty());
    }

    #[test]
    fn shared_first_puts_common_items_on_top_and_pairs_repeats_once() {
        let left = ["a", "b", "a", "c"];
        let right = ["c", "a", "d"];
        let rows = shared_first(&left, &right, |s| *s);
        assert_eq!(show(&rows), ["a|a", "c|c", "b|-", "a|-", "-|d"]);
    }

    fn sides(rows: &[Pair<'_, u8>]) -> (Vec<u8>, Vec<u8>) {
        (
            rows.iter().filter_map(|(l, _)| l.copied()).collect(),
            rows.iter().filter_map(|(_, r)| r.copied()).collect(),
        )
    }

    fn sorted(mut v: Vec<u8>) -> Vec<u8> {
        v.sort_unstable();
        v
    }

    fn pairs_are_equal(rows: &[Pair<'_, u8>]) -> bool {
        rows.iter().all(|pair| match pair {
            (Some(l), Some(r)) => l == r,
            (None, None) => false,
            _ => true,
        })
    }

    proptest::proptest! {
        /// In order: every item appears once, in its own order, on its own
        /// side; paired items have equal keys.
        #[test]
        fn in_order_keeps_every_item_in_order(
            left in proptest::collection::vec(0u8..6, 0..12),
            right in proptest::collection::vec(0u8..6, 0..12),
        ) {
            let rows = in_order(&left, &right, |x| *x);
            proptest::prop_assert_eq!(sides(&rows), (left.clone(), right.clone()));
            proptest::prop_assert!(pairs_are_equal(&rows));
        }

        /// Shared first: every item appears once on its own side; paired
        /// items have equal keys.
        #[test]
        fn shared_first_keeps_every_item(
            left in proptest::collection::vec(0u8..6, 0..12),
            right in proptest::collection::vec(0u8..6, 0..12),
        ) {
            let rows = shared_first(&left, &right, |x| *x);
            let (l, r) = sides(&rows);
            proptest::prop_assert_eq!(sorted(l), sorted(left.clone()));
            proptest::prop_assert_eq!(sorted(r), sorted(right.clone()));
            proptest::prop_assert!(pairs_are_equal(&rows));
        }
    }
}
