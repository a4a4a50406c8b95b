//! Sentence-boundary cases beyond the Golden Rules: abbreviations at a sentence end,
//! unlisted unit and currency abbreviations, quotations of several sentences, ellipses,
//! inline enumerations, citation markers, sentences joined by a clause mark, and Chinese
//! quotes after an ellipsis.
//!
//! Every case asserts the exact list of sentences, and that no character is lost.

use zhen_tm::model::Lang;
use zhen_tm::segment::split;

/// Split `text` in `lang`, check that the pieces give back the input (apart from the
/// whitespace between them), and compare with `want`.
fn check(lang: Lang, text: &str, want: &[&str]) {
    let got = split(lang, text);
    let strip = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    assert_eq!(
        strip(&got.concat()),
        strip(text),
        "characters changed: {text:?}"
    );
    assert_eq!(got, want, "{text:?}");
}

fn en(text: &str, want: &[&str]) {
    check(Lang::En, text, want);
}

fn zh(text: &str, want: &[&str]) {
    check(Lang::Zh, text, want);
}

#[test]
fn abbreviation_ending_a_sentence() {
    en(
        "The convoy reached the border at 11 p.m. Its escort turned back.",
        &[
            "The convoy reached the border at 11 p.m.",
            "Its escort turned back.",
        ],
    );
    en(
        "The delegation flew to the U.S. We followed a week later.",
        &[
            "The delegation flew to the U.S.",
            "We followed a week later.",
        ],
    );
    en(
        "Talks resumed at 10 a.m. Nobody expected a deal.",
        &["Talks resumed at 10 a.m.", "Nobody expected a deal."],
    );
    en(
        "The shop shuts at 9 p.m. Don't be late.",
        &["The shop shuts at 9 p.m.", "Don't be late."],
    );
    en(
        "It's 4 p.m. We should start.",
        &["It's 4 p.m.", "We should start."],
    );
    // The abbreviation goes on into a name, a title or a lower-case word.
    for one in [
        "She briefed the U.S. Congress on Friday.",
        "Two U.S. Senators objected.",
        "He will land at 7 a.m. on Sunday.",
        "By 8 a.m. Dr. Chen had arrived.",
    ] {
        en(one, &[one]);
    }
}

#[test]
fn a_lower_case_letter_before_a_period_is_not_an_initial() {
    // Variables and list letters end sentences like any word; capitals are initials.
    en(
        "Take two copies of an edge {u, v}. Sometimes a link connects a node with itself.",
        &[
            "Take two copies of an edge {u, v}.",
            "Sometimes a link connects a node with itself.",
        ],
    );
    en(
        "It may also contain edges from v to u. Note that the graph is directed.",
        &[
            "It may also contain edges from v to u.",
            "Note that the graph is directed.",
        ],
    );
    for one in [
        "The court cited Roe v. Wade in its ruling.",
        "The novel is by Jonas E. Smith of Boston.",
    ] {
        en(one, &[one]);
    }
}

#[test]
fn unlisted_unit_and_currency_abbreviations() {
    for one in [
        "The fee was Rs. 250 per visa.",
        "They shipped 40 kg. of tea and 12 lb. of rice.",
        "The wall is 8 ft. high.",
        "Mix 2 tbsp. 3 times a day.",
        "The temple was built ca. 1850 by monks.",
    ] {
        en(one, &[one]);
    }
    en(
        "The ticket cost Rs. 90. The train was late.",
        &["The ticket cost Rs. 90.", "The train was late."],
    );
    en(
        "Each crate held 20 kg. The lorry carried forty.",
        &["Each crate held 20 kg.", "The lorry carried forty."],
    );
    // An all-capital word is not taken for an abbreviation by its shape.
    en(
        "We watched it on TV. 300 people were there.",
        &["We watched it on TV.", "300 people were there."],
    );
}

#[test]
fn quotation_of_several_sentences() {
    en(
        "She replied, \"The road is closed. We must wait.\" Then the rain began.",
        &[
            "She replied, \"The road is closed.",
            "We must wait.\"",
            "Then the rain began.",
        ],
    );
    en(
        "He wrote: \u{201c}Supplies are low. Send help!\u{201d} Nobody came.",
        &[
            "He wrote: \u{201c}Supplies are low.",
            "Send help!\u{201d}",
            "Nobody came.",
        ],
    );
    // A lower-case word after the quotation keeps it in the sentence.
    let one = "\"The road is closed. We must wait,\" she said.";
    en(one, &["\"The road is closed.", "We must wait,\" she said."]);
}

#[test]
fn ellipsis_before_a_sentence_starter() {
    en(
        "We waited... Then the doors opened.",
        &["We waited...", "Then the doors opened."],
    );
    en(
        "We waited\u{2026} Nobody came.",
        &["We waited\u{2026}", "Nobody came."],
    );
    en(
        "\"I tried... I really did,\" she said.",
        &["\"I tried...", "I really did,\" she said."],
    );
    for one in [
        "It was... strange.",
        "We visited Rome... Paris was next.",
        "The report [...] The annex is missing.",
        "The list goes on ... and on.",
        // Spaced dots mark an omission in a quotation and never end it.
        "The rule is . . . We ignore it.",
    ] {
        en(one, &[one]);
    }
}

#[test]
fn a_capitalised_connective_after_a_clause_mark_begins_a_sentence() {
    en(
        "And God made two great lights; the greater light to rule the day: And the stars also.",
        &[
            "And God made two great lights; the greater light to rule the day:",
            "And the stars also.",
        ],
    );
    en(
        "Ye shall not eat of it, neither shall ye touch it; But the serpent said unto the woman.",
        &[
            "Ye shall not eat of it, neither shall ye touch it;",
            "But the serpent said unto the woman.",
        ],
    );
    for one in [
        // Too short to be a sentence: a label.
        "Note: And the rest follows.",
        // Lower case goes on; a capitalised noun, name or pronoun after a colon may be a
        // title, a name or a quotation.
        "The talks went well; and both sides signed the plan.",
        "These topics have a great deal in common: The same equations apply.",
        "The minister said this in his speech: China will stay open.",
        "We met the three of them yesterday: I was late.",
        // No space after the mark.
        "The ratio was measured at 3:And so on.",
    ] {
        en(one, &[one]);
    }
}

#[test]
fn dialogue_in_fiction() {
    // A quotation broken off by a dash, then a new one.
    en(
        "'And ask him to wait for His Majesty to—' 'His Majesty?' 'What?'",
        &[
            "'And ask him to wait for His Majesty to—'",
            "'His Majesty?'",
            "'What?'",
        ],
    );
    // Spaced dots closing a quotation end it.
    en(
        "'That's when you steal the book . . .' Something was falling into place.",
        &[
            "'That's when you steal the book . . .'",
            "Something was falling into place.",
        ],
    );
    for one in [
        // The attribution goes on after a broken-off quotation; spaced dots without a
        // closing quote are an omission.
        "'Wait—' Wang said, and sat down.",
        "'I won a dozen taels—' he began.",
        "They were gambling . . . Most of them got away.",
    ] {
        en(one, &[one]);
    }
    // A stammer inside a Chinese quotation is not a sentence end; a quotation broken off
    // by a dash is.
    zh(
        "韦小宝道：“那部书……书……我……我……”海老公哼了一声。",
        &["韦小宝道：“那部书……书……我……我……”", "海老公哼了一声。"],
    );
    zh(
        "他笑问道：“你为什么——”说到这里，把眼又往四下里瞧了瞧。",
        &["他笑问道：“你为什么——”", "说到这里，把眼又往四下里瞧了瞧。"],
    );
    zh(
        "大喇叭说：“咚——咚——”“猛捅——猛捅——”轿前有人模仿着。",
        &["大喇叭说：“咚——咚——”", "“猛捅——猛捅——”", "轿前有人模仿着。"],
    );
    // Outside a quotation an ellipsis before a new sentence still ends one; a dash alone
    // does not.
    zh("他想了很久……天亮了。", &["他想了很久……", "天亮了。"]);
    zh(
        "他是佼佼者——我爷爷辈的好汉。",
        &["他是佼佼者——我爷爷辈的好汉。"],
    );
}

#[test]
fn number_labels_and_spaced_dots_in_extracted_text() {
    // A caption's label and a list item's number glued by a PDF are not sentences.
    en(
        "The bands are shown in Table 1.1. Figure 1.2. U.S. Navy over-the-horizon radar. Fig. 3. The Woodpecker.",
        &[
            "The bands are shown in Table 1.1.",
            "Figure 1.2. U.S. Navy over-the-horizon radar.",
            "Fig. 3. The Woodpecker.",
        ],
    );
    en(
        "It is a linear equation.) 1.The transfer function is a model.",
        &[
            "It is a linear equation.)",
            "1.The transfer function is a model.",
        ],
    );
    en(
        "The war ended in 1945. The year after, they moved.",
        &["The war ended in 1945.", "The year after, they moved."],
    );
    // Spaced dots after Chinese (a symbol a PDF lost) are one pause, not three ends.
    zh(
        "集合A上的一个二元关系. . . A，是A×A的一个子集。",
        &["集合A上的一个二元关系. . . A，是A×A的一个子集。"],
    );
}

#[test]
fn inline_enumeration_stays_whole() {
    for one in [
        "Bring a) blankets b) water and c) torches.",
        "Choose (a) tea, (b) coffee or (c) juice.",
        "The plan has 1) a survey, 2) a pilot and 3) a review.",
    ] {
        en(one, &[one]);
    }
}

#[test]
fn citation_markers_stay_on_their_sentence() {
    en(
        "The bridge opened in 1932.[4] Traffic doubled within a year.",
        &[
            "The bridge opened in 1932.[4]",
            "Traffic doubled within a year.",
        ],
    );
    en(
        "It was rebuilt twice.[15][16] Both times it was widened.",
        &[
            "It was rebuilt twice.[15][16]",
            "Both times it was widened.",
        ],
    );
    en(
        "Was it safe?[7] Engineers doubted it.\"[8, 9] Repairs followed.[a] They took years.",
        &[
            "Was it safe?[7]",
            "Engineers doubted it.\"[8, 9]",
            "Repairs followed.[a]",
            "They took years.",
        ],
    );
    // A bracket without a number is not a citation marker.
    en(
        "It ended.[Applause] Thank you.",
        &["It ended.", "[Applause] Thank you."],
    );
}

#[test]
fn chinese_quotes_and_ellipses() {
    zh(
        "她说：“我们赢了……。”大家欢呼起来。",
        &["她说：“我们赢了……。”", "大家欢呼起来。"],
    );
    zh(
        "她说：“我们赢了……”大家欢呼起来。",
        &["她说：“我们赢了……”", "大家欢呼起来。"],
    );
    zh(
        "他喊出“再见……”的时候哭了。",
        &["他喊出“再见……”的时候哭了。"],
    );
    zh("他停顿了……接着说下去。", &["他停顿了……", "接着说下去。"]);
    zh("我们看到了…希望。", &["我们看到了…希望。"]);
}
