//! The intro of a page (the paragraphs before the first `##` heading): the namespace line, the
//! inheritance sentence and the description.
//!
//! The inheritance sentence is found by its marker words in any known language
//! ([`locale::inheritance_marker`]), or, in a language the locale table does not know, by the
//! rows that are marked as inherited from the same page. The intro's short sentences that end
//! in a page link are kept ([`Page::linked_phrases`]): in a tree whose language the seed does
//! not know, the one that recurs on many pages is that tree's inheritance phrase (see
//! `lexicon`).

use super::lexicon::normalize;
use super::locale;
use super::markdown::{self, Inline};
use super::page::{page_links, LinkRef, LinkedPhrase, Page, PropertyRow};
use std::collections::BTreeMap;

/// At most this many characters of a sentence stand before or after its link texts for it to
/// be an inheritance sentence.
const SHORT: usize = 60;

/// At most this many characters follow the link of a linked phrase (`Inherits from [x](x.md)
/// entity.`).
const SHORT_TAIL: usize = 30;

/// The root namespace, which a namespace line's word starts with in any case.
const NAMESPACE_ROOT: &str = "microsoft.graph";

/// Reads the intro paragraphs into [`Page::namespace`], [`Page::base_link`],
/// [`Page::linked_phrases`], [`Page::intro_links`] and [`Page::description`]. Runs after the tables: the inherited
/// rows corroborate the base.
pub(super) fn read_intro(page: &mut Page, intro: &[Inline]) {
    // Asked for only when a paragraph has no marked inheritance sentence (rare in the locales
    // the seed knows), and then worked out once.
    let mut stems = None;
    for para in intro {
        let text = para.text.trim();
        if page.namespace.is_none() {
            // `Namespace: microsoft.graph`, `命名空间：microsoft.graph`.
            if let Some(ns) = namespace_word(text) {
                page.namespace = Some(ns.trim_end_matches('.').to_owned());
                continue;
            }
        }
        let links = page_links(para);
        // A paragraph without page links has neither linked phrases nor a base: its sentences
        // are not split. The others' are split once for both.
        if !links.is_empty() {
            let sentences: Vec<&str> = sentences(text).collect();
            page.linked_phrases
                .extend(linked_phrases(&sentences, &links));
            let base = page.base_link.is_none().then(|| {
                inheritance_link(text, &sentences, &links, &page.properties, &mut stems).cloned()
            });
            // Read: the links move into the page, not copied.
            page.intro_links.extend(links);
            if let Some(base) = base.flatten() {
                page.base_link = Some(base);
                continue;
            }
        }
        if page.description.is_empty() && !text.starts_with("[!") && !text.is_empty() {
            page.description = text.to_owned();
        }
    }
}

/// True for the characters that separate the words of an intro paragraph when the namespace
/// is looked for: spaces, `,`, `;`, `:` and the non-ASCII characters that are no letter or
/// digit (`：`).
fn separates_words(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':') || !c.is_ascii() && !c.is_alphanumeric()
}

/// The first word of `text` (split at [`separates_words`]) that starts with
/// [`NAMESPACE_ROOT`] in any ASCII case. Found from the root's occurrences: asking the
/// Unicode tables about every letter of a translated paragraph was a tenth of reading intros.
fn namespace_word(text: &str) -> Option<&str> {
    let (bytes, root) = (text.as_bytes(), NAMESPACE_ROOT.as_bytes());
    memchr::memchr2_iter(b'm', b'M', bytes).find_map(|at| {
        let starts_word = (bytes.get(at..at + root.len()))
            .is_some_and(|word| word.eq_ignore_ascii_case(root))
            && text[..at].chars().next_back().is_none_or(separates_words);
        if !starts_word {
            return None;
        }
        let end = text[at..]
            .find(separates_words)
            .map_or(text.len(), |i| at + i);
        Some(&text[at..end])
    })
}

/// The base type link of an intro paragraph `text` (split into `sentences`) with page `links`,
/// if it is the inheritance sentence: a marker word, then the link (in the sentence of the
/// marker, short: at most 60 characters besides the link texts, in any script); or, in a locale
/// the table does not know, a short single-link paragraph whose link the inherited `rows` point
/// to as well (their [`inherited_stems`], worked out into `stems` when first needed).
fn inheritance_link<'a, 'r>(
    text: &str,
    sentences: &[&str],
    links: &'a [LinkRef],
    rows: &'r [PropertyRow],
    stems: &mut Option<Vec<&'r str>>,
) -> Option<&'a LinkRef> {
    let short = |t: &str, links: &[&LinkRef]| {
        let link_chars: usize = links.iter().map(|l| l.text.chars().count()).sum();
        t.chars().count().saturating_sub(link_chars) <= SHORT
    };
    // No sentence is short with fewer characters than all the link texts taken away: one
    // longer cannot be the inheritance sentence, and its marker (a lowercased copy of the
    // sentence and a search per marker) is not looked for.
    let all_link_chars: usize = links.iter().map(|l| l.text.chars().count()).sum();
    let marked = sentences.iter().find_map(|&sentence| {
        if sentence.chars().count().saturating_sub(all_link_chars) > SHORT {
            return None;
        }
        // A sentence without a link text names no base: its marker is not looked for.
        if !(links.iter()).any(|l| !l.text.is_empty() && sentence.contains(l.text.as_str())) {
            return None;
        }
        let at = locale::inheritance_marker(sentence)?;
        if locale::turns_inheritance_around(sentence) {
            return None;
        }
        // The first link after the marker (the longest of those starting there).
        let after = &sentence[at..];
        let base = links
            .iter()
            .filter(|l| !l.text.is_empty())
            .filter_map(|l| Some((after.find(l.text.as_str())?, l)))
            .min_by_key(|(p, l)| (*p, std::cmp::Reverse(l.text.len())))?
            .1;
        let inside: Vec<&LinkRef> = links
            .iter()
            .filter(|l| sentence.contains(l.text.as_str()))
            .collect();
        short(sentence, &inside).then_some(base)
    });
    marked.or_else(|| {
        let [link] = links else {
            return None;
        };
        let corroborated = short(text, &[link])
            && (link.target.stem())
                .is_some_and(|s| (stems.get_or_insert_with(|| inherited_stems(rows))).contains(&s));
        corroborated.then_some(link)
    })
}

/// The phrases of a paragraph (split into `sentences`, with page `links`) that stand before a
/// link, in sentences of the shape `<short text> [link](x.md)` (a short tail allowed): the
/// candidates for the inheritance sentence of a language the seed does not know.
fn linked_phrases(sentences: &[&str], links: &[LinkRef]) -> Vec<LinkedPhrase> {
    let mut out = Vec::new();
    // The links in document order: each sentence takes the next ones whose texts follow each
    // other in it (every search starts where the last match ended: linear in the text).
    let mut links = links.iter().filter(|l| !l.text.is_empty()).peekable();
    for &sentence in sentences {
        let mut first: Option<(usize, &LinkRef)> = None;
        let mut from = 0;
        while let Some(&link) = links.peek() {
            let Some(at) = sentence[from..].find(link.text.as_str()) else {
                break;
            };
            first.get_or_insert((from + at, link));
            from += at + link.text.len();
            links.next();
        }
        let Some((at, link)) = first else {
            continue;
        };
        let (lead, tail) = (&sentence[..at], &sentence[at + link.text.len()..]);
        let lead = normalize(lead);
        if !lead.is_empty() && lead.chars().count() <= SHORT && tail.chars().count() <= SHORT_TAIL {
            out.push(LinkedPhrase {
                lead,
                link: link.clone(),
            });
        }
    }
    out
}

/// The characters that end a sentence on their own, whatever follows: the full-width stops of
/// Chinese and Japanese text (`。`, `！`, `？`, `；`) and the like.
const STOPS: [char; 9] = ['。', '！', '？', '；', '｡', '।', '۔', '։', '؟'];

/// True for the characters of [`STOPS`].
fn ends_sentence(c: char) -> bool {
    STOPS.contains(&c)
}

/// The first UTF-8 byte of `c`.
const fn lead_byte(c: char) -> u8 {
    let c = c as u32;
    (match c {
        0..0x80 => c,
        0x80..0x800 => 0xC0 | (c >> 6),
        0x800..0x10000 => 0xE0 | (c >> 12),
        _ => 0xF0 | (c >> 18),
    }) as u8
}

/// The bytes that start a character that may end a sentence: `.`, `!`, `?` and the lead bytes
/// of [`STOPS`]. None continues a UTF-8 sequence, so each one found is a character boundary.
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    let mut i = 0;
    while i < STOPS.len() {
        table[lead_byte(STOPS[i]) as usize] = true;
        i += 1;
    }
    table
};

/// The sentences of a paragraph: split after `.`, `!` or `?` followed by a space, and after a
/// full-width stop ([`ends_sentence`]). Only the characters whose first byte may end a
/// sentence are decoded (decoding every character was a sixth of reading an intro).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut from = 0;
        let end = loop {
            let Some(at) = bytes[from..].iter().position(|&b| MAY_END[usize::from(b)]) else {
                break rest.len();
            };
            let i = from + at;
            let c = rest[i..].chars().next().unwrap_or(' ');
            if ends_sentence(c)
                || matches!(c, '.' | '!' | '?')
                    && rest[i + 1..].starts_with(|n: char| n.is_whitespace())
            {
                break i + c.len_utf8();
            }
            from = i + c.len_utf8();
        };
        let (sentence, tail) = rest.split_at(end);
        rest = tail.trim_start();
        Some(sentence)
    })
}

/// Pages that rows are marked as inherited from: rows whose description ends with a link to the
/// page, in a sentence of at most four words before it (`Inherited from [entity](entity.md).`,
/// `Наследуется от [объекта](entity.md)`) that is a known inheritance marker or that at least
/// two rows share (a marker in a language the locale table does not know).
fn inherited_stems(rows: &[PropertyRow]) -> Vec<&str> {
    let mut phrases: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for row in rows {
        let Some(last) = row.description_links.last() else {
            continue;
        };
        let Some(stem) = last.target.stem() else {
            continue;
        };
        let end = row
            .description
            .trim_end_matches(|c: char| markdown::is_blank(c) || matches!(c, '.' | ')' | ';'));
        let Some(before) = end.strip_suffix(last.text.as_str()) else {
            continue;
        };
        let start = before.rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1);
        let phrase = before[start..].trim();
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 4 {
            // Lowercased only to group the rows' spellings: `locale::lowercase` groups them as
            // `str::to_lowercase` would, with its table for the common scripts.
            *phrases
                .entry((stem, locale::lowercase(phrase)))
                .or_insert(0) += 1;
        }
    }
    let mut stems: Vec<&str> = phrases
        .into_iter()
        .filter(|((_, phrase), n)| *n >= 2 || locale::mentions_inheritance(phrase))
        .map(|((stem, _), _)| stem)
        .collect();
    stems.dedup();
    stems
}

#[cfg(test)]
mod tests {
    use super::{ends_sentence, namespace_word, sentences, separates_words, NAMESPACE_ROOT};
    use crate::parse::parse_page;

    #[test]
    fn the_namespace_is_the_first_word_that_starts_with_the_root() {
        fn by_splitting(text: &str) -> Option<&str> {
            text.split(separates_words).find(|w| {
                (w.as_bytes().get(..NAMESPACE_ROOT.len()))
                    .is_some_and(|head| head.eq_ignore_ascii_case(NAMESPACE_ROOT.as_bytes()))
            })
        }
        let texts = [
            "Namespace: microsoft.graph",
            "Пространство имен: microsoft.graph.callRecords",
            "命名空间：Microsoft.Graph.x",
            "xmicrosoft.graph, then microsoft.graph.y; more",
            "microsoft.graph",
            "see amicrosoft.graph",
            "microsoft.grap",
            "Имя:microsoft.graph。",
            "",
        ];
        for text in texts {
            assert_eq!(namespace_word(text), by_splitting(text), "{text}");
        }
        assert_eq!(
            namespace_word("Пространство имен: microsoft.graph.callRecords"),
            Some("microsoft.graph.callRecords")
        );
    }

    #[test]
    fn inheritance_sentences_in_any_phrasing_and_reference_links() {
        let forms = [
            "Inherits from [entity](entity.md).",
            "Derived from [entity](../resources/entity.md)",
            "Наследует [объект](entity.md) .",
            "Этот ресурс является производным от ресурса [entity](entity.md).",
            "Inherits from [entity][].\n\n[entity]: entity.md",
        ];
        for form in forms {
            let text = format!("# x resource type\n\nNamespace: microsoft.graph\n\n{form}\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n");
            let page = parse_page("x.md", &text);
            let base = page.base_link.as_ref().unwrap_or_else(|| panic!("{form}"));
            assert_eq!(base.target.stem(), Some("entity"), "{form}");
            assert_eq!(base.line, 5, "{form}");
        }
        // A base page naming its derived types has no base.
        let text = "# baseTask\n\nЭто базовый тип, наследуемый [ресурсом](task.md) задачи.\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n";
        assert_eq!(parse_page("basetask.md", text).base_link, None);
        // A link in an intro and in a row's description is no inheritance (`recurrenceRange`).
        let text = "# recurrenceRange\n\nDescribes a date range over which a recurring [event](event.md) repeats.\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|startDate|Date|The same value as the start of the recurring [event](event.md). Required.|\n";
        assert_eq!(parse_page("recurrencerange.md", text).base_link, None);
        // The marker's sentence, not the paragraph's first link.
        let text = "# x\n\nПредставляет ресурс для [объекта educationAssignment](educationassignment.md). Наследуется от [educationResource](educationresource.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n";
        let page = parse_page("educationmediaresource.md", text);
        assert_eq!(
            page.base_link.unwrap().target.stem(),
            Some("educationresource")
        );
        // A base page naming what inherits from it, then its own base in another paragraph.
        let text = "# x\n\nАбстрактный тип. Этот абстрактный тип наследуется типом [ресурса customAccessPackageWorkflowExtension](customaccesspackageworkflowextension.md) .\n\nНаследуется [от сущности](entity.md).\n";
        let page = parse_page("customcalloutextension.md", text);
        assert_eq!(page.base_link.unwrap().target.stem(), Some("entity"));
        let text = "# x\n\nOne of [Domain](domain.md) or [DomainDnsCnameRecord](domaindnscnamerecord.md) entities. Inherited from [DomainDnsRecord](domaindnsrecord.md) entity.\n";
        let page = parse_page("domaindnsunavailablerecord.md", text);
        assert_eq!(
            page.base_link.unwrap().target.stem(),
            Some("domaindnsrecord")
        );
        let text = "# x\n\nБазовый класс. Он наследуется [accessReviewNotificationRecipientQueryScope](../resources/accessReviewNotificationRecipientQueryScope.md).\n";
        assert_eq!(
            parse_page("accessreviewnotificationrecipientscope.md", text).base_link,
            None
        );
        let text = "# x\n\nЭто абстрактный тип, унаследованный [accessReviewQueryScope,](accessreviewqueryscope.md) и [y](y.md).\n";
        assert_eq!(parse_page("accessreviewscope.md", text).base_link, None);
        // `производных` (of derived types) inside a link text is no marker.
        let text = "# x\n\nЭтот ресурс является абстрактным типом для [производных userSignInInsight.](usersignininsight.md)\n";
        assert_eq!(parse_page("governanceinsight.md", text).base_link, None);
        // Rows ending with a link are no inheritance marker unless they share a short phrase.
        let text = "# printTaskStatus\n\nRepresents the current execution status of a [printTask](printtask.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|state|String|The current processing state of the [printTask](printtask.md).|\n|description|String|A human-readable description of the state of the [printTask](printtask.md).|\n";
        assert_eq!(parse_page("printtaskstatus.md", text).base_link, None);
        // A sentence in no known language: the link the inherited rows point to.
        let text = "# x\n\nIst abgeleitet von [entity](entity.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|Die ID. Geerbt von [entity](entity.md).|\n|name|String|Der Name. Geerbt von [entity](entity.md).|\n";
        let page = parse_page("x.md", text);
        assert_eq!(page.base_link.unwrap().target.stem(), Some("entity"));
    }

    #[test]
    fn sentences_end_where_a_character_by_character_reading_ends_them() {
        let by_characters = |text: &str| -> Vec<String> {
            let mut out = Vec::new();
            let mut rest = text;
            while !rest.is_empty() {
                let end = rest
                    .char_indices()
                    .find(|&(i, c)| {
                        ends_sentence(c)
                            || matches!(c, '.' | '!' | '?')
                                && rest[i + 1..].starts_with(char::is_whitespace)
                    })
                    .map_or(rest.len(), |(i, c)| i + c.len_utf8());
                out.push(rest[..end].to_owned());
                rest = rest[end..].trim_start();
            }
            out
        };
        for text in [
            "",
            "One. Two!Three? Four.",
            "Наследуется от [x](x.md). Это тип… Да?\u{a0}Нет",
            "表示一个项目。继承自 [entity](entity.md)。另请参阅；完",
            "a.b. ۔ ؟x ։y। z｡ ！？",
            "Ends with a dot.",
            "é.\u{2003}ü",
        ] {
            let got: Vec<&str> = sentences(text).collect();
            assert_eq!(got, by_characters(text), "{text}");
        }
    }

    #[test]
    fn full_width_stops_end_sentences_and_linked_phrases_are_kept() {
        let text = "# x\n\n命名空间：microsoft.graph.callRecords\n\n表示一个项目。继承自 [entity](entity.md)。另请参阅 [overview](/graph/overview) 和 [y](y.md) 的更多信息。\n";
        let page = parse_page("x.md", text);
        assert_eq!(
            page.namespace.as_deref(),
            Some("microsoft.graph.callRecords")
        );
        let leads: Vec<(&str, Option<&str>)> = page
            .linked_phrases
            .iter()
            .map(|l| (l.lead.as_str(), l.link.target.stem()))
            .collect();
        assert_eq!(
            leads,
            [
                ("继承自", Some("entity")),
                ("另请参阅 overview 和", Some("y"))
            ]
        );
        // The seed knows no such phrase: the base comes from the tree's lexicon, if at all.
        assert_eq!(page.base_link, None);
        // Long leads and long tails are no inheritance sentences.
        let long = "a ".repeat(40);
        let text = format!("# x\n\n{long}[y](y.md).\n\nZulo [y](y.md) {long}.\n");
        assert!(parse_page("x.md", &text).linked_phrases.is_empty());
    }
}
