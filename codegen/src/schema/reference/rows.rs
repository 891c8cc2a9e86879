//! Pairing the rows of a translated table with those of its English page: the property rows of
//! a type, or the members of an enum.

use super::is_untyped;
use crate::docs_text::is_identifier;
use crate::parse::locale;
use crate::schema::{Member, Property, TypeRef};

/// How alike (0 to 1, normalized Levenshtein, ignoring case) a translated name must read to an
/// English one once transliterated to be taken as the same name (`фаворитепланс`, read
/// `favoriteplans`).
const ALIKE: f64 = 0.6;

/// What a row says, as far as pairing goes: its name and what it holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'a> {
    /// The JSON name (or member name) as read.
    name: &'a str,
    /// What the row holds.
    shape: Shape<'a>,
}

/// What a row holds besides its name.
#[derive(Debug, Clone, Copy)]
enum Shape<'a> {
    /// A property: its type, collection flag and relationship flag.
    Property(&'a TypeRef, bool, bool),
    /// An enum member: its value, when one could be read.
    Member(Option<i64>),
}

impl<'a> Row<'a> {
    /// A property row.
    pub(super) fn property(p: &'a Property) -> Row<'a> {
        Row {
            name: &p.name,
            shape: Shape::Property(&p.ty, p.collection, p.navigation),
        }
    }

    /// An enum member.
    pub(super) fn member(m: &'a Member) -> Row<'a> {
        Row {
            name: &m.name,
            shape: Shape::Member(m.value),
        }
    }

    /// A translated name that cannot be the identifier it stands for: no identifier at all
    /// (`рутцертификате`, `файл/локализация`, `365`), or capitals only where Graph writes
    /// camelCase (`RDLC` for `definition`, `TAP` for `customers`).
    fn is_damaged(&self) -> bool {
        !is_identifier(self.name)
            || (self.name.len() > 1 && !self.name.chars().any(|c| c.is_ascii_lowercase()))
    }

    /// The English row `theirs` may be this translated row. Properties: both relationships or
    /// neither, and the same type (in any case) and collection, unless the translation's type
    /// cell was unreadable. Members always may: translation damages values as much as names
    /// (`нуль`, `1,1`, a `3` turned into `4`).
    fn fits(&self, theirs: &Row) -> bool {
        match (self.shape, theirs.shape) {
            (Shape::Property(ty, collection, nav), Shape::Property(t, c, n)) => {
                nav == n
                    && (is_untyped(ty)
                        || (collection == c && ty.as_str().eq_ignore_ascii_case(t.as_str())))
            }
            (Shape::Member(_), Shape::Member(_)) => true,
            _ => false,
        }
    }

    /// Both rows are members with the same value: the value names the member.
    fn same_value(&self, theirs: &Row) -> bool {
        matches!(
            (self.shape, theirs.shape),
            (Shape::Member(Some(a)), Shape::Member(Some(b))) if a == b
        )
    }

    /// How alike this name, written in another script, reads to `theirs` once transliterated
    /// (0 to 1; 0 for a name in Latin letters, which machine translation leaves alone or
    /// replaces outright).
    fn likeness(&self, theirs: &Row) -> f64 {
        if self.name.is_ascii() {
            return 0.0;
        }
        match locale::transliterate(self.name) {
            Some(latin) => {
                strsim::normalized_levenshtein(&latin, &theirs.name.to_ascii_lowercase())
            }
            None => 0.0,
        }
    }
}

/// For each translated row, the English row it stands for. In order of trust: the same name;
/// the same name in another case; then, within each stretch between two rows already paired
/// (in the order of both tables), the English row at the same position of a stretch as long,
/// when the two [fit](Row::fits) and the translated name is damaged, reads alike, or is a
/// member of the same value; last, within a stretch, names that read alike once
/// transliterated, best first. Each English row is paired at most once.
pub(super) fn match_rows(ours: &[Row], theirs: &[Row]) -> Vec<Option<usize>> {
    let mut m = Matching {
        pairs: vec![None; ours.len()],
        used: vec![false; theirs.len()],
    };
    let same: [fn(&str, &str) -> bool; 2] = [|a, b| a == b, |a, b| a.eq_ignore_ascii_case(b)];
    for same in same {
        for (i, row) in ours.iter().enumerate() {
            if m.pairs[i].is_some() {
                continue;
            }
            if let Some(j) =
                (0..theirs.len()).find(|&j| !m.used[j] && same(row.name, theirs[j].name))
            {
                m.take(i, j);
            }
        }
    }
    let mut from = (0, 0);
    for to in anchors(&m.pairs)
        .into_iter()
        .chain([(ours.len(), theirs.len())])
    {
        let stretch_ours: Vec<usize> = (from.0..to.0).filter(|&i| m.pairs[i].is_none()).collect();
        let stretch_theirs: Vec<usize> = (from.1..to.1).filter(|&j| !m.used[j]).collect();
        m.pair_stretch(ours, theirs, &stretch_ours, &stretch_theirs);
        from = (to.0 + 1, to.1 + 1);
    }
    m.pairs
}

/// The pairs found so far.
struct Matching {
    /// For each translated row, its English row.
    pairs: Vec<Option<usize>>,
    /// The English rows already paired.
    used: Vec<bool>,
}

impl Matching {
    /// Pairs translated row `i` with English row `j`.
    fn take(&mut self, i: usize, j: usize) {
        self.pairs[i] = Some(j);
        self.used[j] = true;
    }

    /// Pairs the unpaired rows of one stretch: by position when both are as long, then names
    /// that read alike, best first.
    fn pair_stretch(&mut self, ours: &[Row], theirs: &[Row], stretch: &[usize], english: &[usize]) {
        if stretch.len() == english.len() {
            for (&i, &j) in stretch.iter().zip(english) {
                let (a, b) = (&ours[i], &theirs[j]);
                if a.fits(b) && (a.is_damaged() || a.same_value(b)) {
                    self.take(i, j);
                }
            }
        }
        let mut alike: Vec<(f64, usize, usize)> = Vec::new();
        for &i in stretch.iter().filter(|&&i| self.pairs[i].is_none()) {
            for &j in english.iter().filter(|&&j| !self.used[j]) {
                let score = ours[i].likeness(&theirs[j]);
                if score >= ALIKE && ours[i].fits(&theirs[j]) {
                    alike.push((score, i, j));
                }
            }
        }
        alike.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        for (_, i, j) in alike {
            if self.pairs[i].is_none() && !self.used[j] {
                self.take(i, j);
            }
        }
    }
}

/// The longest run of pairs that keeps the order of both tables (the first such run, in the
/// translated order): the anchors between which rows are paired by position.
fn anchors(pairs: &[Option<usize>]) -> Vec<(usize, usize)> {
    let found: Vec<(usize, usize)> = pairs
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    // Longest increasing subsequence on the English index (quadratic: tables are short).
    let mut length = vec![1usize; found.len()];
    let mut previous: Vec<Option<usize>> = vec![None; found.len()];
    for k in 0..found.len() {
        for l in 0..k {
            if found[l].1 < found[k].1 && length[l] + 1 > length[k] {
                length[k] = length[l] + 1;
                previous[k] = Some(l);
            }
        }
    }
    let mut best = None;
    for k in 0..found.len() {
        if best.is_none_or(|b: usize| length[k] > length[b]) {
            best = Some(k);
        }
    }
    let mut run = Vec::new();
    while let Some(k) = best {
        run.push(found[k]);
        best = previous[k];
    }
    run.reverse();
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitive::Primitive;

    fn members(names: &[&str]) -> Vec<Member> {
        names
            .iter()
            .map(|n| Member {
                name: (*n).to_owned(),
                value: None,
                description: String::new(),
            })
            .collect()
    }

    fn rows(members: &[Member]) -> Vec<Row<'_>> {
        members.iter().map(Row::member).collect()
    }

    #[test]
    fn names_then_case_then_damaged_names_by_position() {
        let ours = members(&["manual", "Автоматически", "Recommended", "нуль", "extra"]);
        let theirs = members(&["manual", "automatic", "recommended", "none", "other"]);
        // `extra` is an identifier that reads nothing like `other`: a different member.
        assert_eq!(
            match_rows(&rows(&ours), &rows(&theirs)),
            [Some(0), Some(1), Some(2), Some(3), None]
        );
    }

    #[test]
    fn capitals_only_are_damage_and_other_identifiers_are_not() {
        // `reviewSets` (a newer translation) is not the older English `Review`, however alike.
        let ours = members(&["a", "TAP", "b", "reviewSets", "c"]);
        let theirs = members(&["a", "customers", "b", "Review", "c"]);
        assert_eq!(
            match_rows(&rows(&ours), &rows(&theirs)),
            [Some(0), Some(1), Some(2), None, Some(4)]
        );
    }

    #[test]
    fn stretches_of_different_lengths_pair_only_names_that_read_alike() {
        let ours = members(&["a", "один", "фаворитепланс", "b"]);
        let theirs = members(&["a", "one", "two", "favoritePlans", "b"]);
        assert_eq!(
            match_rows(&rows(&ours), &rows(&theirs)),
            [Some(0), None, Some(3), Some(4)]
        );
    }

    #[test]
    fn members_of_the_same_value_pair_by_position() {
        let mut ours = members(&["none", "itchStitch", "edge"]);
        let mut theirs = members(&["none", "saddleStitch", "stitchEdge"]);
        for (k, m) in ours.iter_mut().chain(theirs.iter_mut()).enumerate() {
            m.value = Some(k as i64 % 3);
        }
        theirs[2].value = Some(9);
        // `itchStitch` has the value of `saddleStitch`; `edge` is an identifier that neither
        // reads like `stitchEdge` nor has its value.
        assert_eq!(
            match_rows(&rows(&ours), &rows(&theirs)),
            [Some(0), Some(1), None]
        );
    }

    #[test]
    fn properties_pair_by_position_only_when_they_hold_the_same() {
        let string = TypeRef::Primitive(Primitive::String);
        let int = TypeRef::Primitive(Primitive::Int32);
        let json = TypeRef::Primitive(Primitive::Json);
        let row = |name, ty, collection, nav| Row {
            name,
            shape: Shape::Property(ty, collection, nav),
        };
        let ours = [
            row("id", &string, false, false),
            row("имя", &string, false, false),
            row("счёт", &string, false, false),
            row("повреждённый", &json, false, false),
            row("связь", &string, false, false),
        ];
        let theirs = [
            row("id", &string, false, false),
            row("name", &string, false, false),
            row("count", &int, false, false),
            row("anything", &int, true, false),
            row("link", &string, false, true),
        ];
        assert_eq!(
            match_rows(&ours, &theirs),
            [Some(0), Some(1), None, Some(3), None]
        );
    }

    #[test]
    fn the_longest_run_in_order_anchors_the_stretches() {
        // `id` moved to the end on the English page; `b`..`c` still bracket `икс`.
        let ours = members(&["id", "b", "икс", "c"]);
        let theirs = members(&["b", "x", "c", "id"]);
        assert_eq!(
            match_rows(&rows(&ours), &rows(&theirs)),
            [Some(3), Some(0), Some(1), Some(2)]
        );
    }
}
