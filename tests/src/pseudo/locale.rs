//! The made-up languages: how each spells a word and writes its punctuation.

use std::fmt::Write as _;

/// A made-up language.
#[derive(Debug, Clone, Copy)]
pub struct PseudoLocale {
    /// A short name for reports (`latin`).
    pub name: &'static str,
    /// How its syllables are written.
    script: Script,
    /// Sentence stop, comma and colon as the locale writes them.
    pub(super) stop: &'static str,
    pub(super) comma: &'static str,
    pub(super) colon: &'static str,
    /// Whether a stop is followed by a space.
    pub(super) spaced_stop: bool,
    /// Parentheses as the locale writes them in prose.
    pub(super) parens: (&'static str, &'static str),
}

/// How a locale writes its syllables.
#[derive(Debug, Clone, Copy)]
enum Script {
    /// Consonant then vowel, each one or more characters.
    Alphabet {
        consonants: &'static [&'static str],
        vowels: &'static [&'static str],
    },
    /// One character per syllable (rows of consonants × five vowels).
    Syllabary(&'static [[char; 5]]),
}

/// Latin letters, ASCII punctuation.
pub const LATIN: PseudoLocale = PseudoLocale {
    name: "latin",
    script: Script::Alphabet {
        consonants: &[
            "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kr", "tl",
            "w", "y", "j",
        ],
        vowels: &["a", "e", "i", "o", "u"],
    },
    stop: ".",
    comma: ",",
    colon: ":",
    spaced_stop: true,
    parens: ("(", ")"),
};

/// Greek letters, ASCII punctuation but a raised dot for the colon.
pub const GREEK: PseudoLocale = PseudoLocale {
    name: "greek",
    script: Script::Alphabet {
        consonants: &[
            "β", "γ", "δ", "ζ", "θ", "κ", "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "φ", "χ", "ψ",
            "μπ", "ντ", "γκ",
        ],
        vowels: &["α", "ε", "η", "ι", "ο", "υ", "ω"],
    },
    stop: ".",
    comma: ",",
    colon: "·",
    spaced_stop: true,
    parens: ("(", ")"),
};

/// Katakana syllables with spaces between words, full-width punctuation (`。`, `、`, `：`,
/// `（）`) and no space after a stop.
pub const FULL_WIDTH: PseudoLocale = PseudoLocale {
    name: "full-width",
    script: Script::Syllabary(&[
        ['カ', 'キ', 'ク', 'ケ', 'コ'],
        ['サ', 'シ', 'ス', 'セ', 'ソ'],
        ['タ', 'チ', 'ツ', 'テ', 'ト'],
        ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ'],
        ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ'],
        ['マ', 'ミ', 'ム', 'メ', 'モ'],
        ['ラ', 'リ', 'ル', 'レ', 'ロ'],
        ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ'],
        ['バ', 'ビ', 'ブ', 'ベ', 'ボ'],
        ['パ', 'ピ', 'プ', 'ペ', 'ポ'],
    ]),
    stop: "。",
    comma: "、",
    colon: "：",
    spaced_stop: false,
    parens: ("（", "）"),
};

/// Every pseudo-locale, in the order reports list them.
pub const LOCALES: &[PseudoLocale] = &[LATIN, GREEK, FULL_WIDTH];

impl PseudoLocale {
    /// The made-up word for an English word (case-insensitive), capitalised like it.
    pub fn word(&self, english: &str) -> String {
        let lower = english.to_lowercase();
        // FNV-1a over the locale and the word: stable across runs and platforms.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.name.bytes().chain([0]).chain(lower.bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let syllables = match lower.chars().count() {
            0..=3 => 2,
            4..=6 => 3,
            _ => 4,
        };
        let mut out = String::new();
        for _ in 0..syllables {
            let (rows, columns) = match self.script {
                Script::Alphabet { consonants, vowels } => (consonants.len(), vowels.len()),
                Script::Syllabary(rows) => (rows.len(), 5),
            };
            let (rows, columns) = (rows as u64, columns as u64);
            let (c, v) = ((hash % rows) as usize, (hash / rows % columns) as usize);
            hash = (hash / rows / columns)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(17);
            match self.script {
                Script::Alphabet { consonants, vowels } => {
                    out.push_str(consonants[c]);
                    out.push_str(vowels[v]);
                }
                Script::Syllabary(rows) => out.push(rows[c][v]),
            }
        }
        if english.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = out.chars();
            if let Some(first) = chars.next() {
                return first.to_uppercase().chain(chars).collect();
            }
        }
        out
    }
}

/// A one-line summary of how the words of `locale` look (for test output).
pub fn sample(locale: &PseudoLocale) -> String {
    let mut out = String::new();
    for w in [
        "Inherits",
        "from",
        "String",
        "Boolean",
        "collection",
        "Properties",
        "Type",
    ] {
        let _ = write!(out, "{w}={} ", locale.word(w));
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_english_word_one_made_up_word_in_each_locale() {
        for locale in LOCALES {
            assert_eq!(
                locale.word("string").to_lowercase(),
                locale.word("String").to_lowercase()
            );
            assert_ne!(locale.word("String"), locale.word("Boolean"));
            assert!(
                locale.word("String").chars().next().unwrap().is_uppercase()
                    || locale.name == "full-width"
            );
        }
        assert!(LATIN.word("collection").is_ascii());
        assert!(!GREEK.word("collection").is_ascii());
        assert_ne!(LATIN.word("type"), GREEK.word("type"));
    }
}
