"""The coder on sentences written for these tests, one construction each."""

import pytest


def dyads(result, modality="asserted"):
    return {(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
            for e in result.events if e.modality == modality}


def roots(result, modality="asserted"):
    return {(e.source.country if e.source else None, e.target.country if e.target else None,
             e.root) for e in result.events if e.modality == modality}


def test_compound_subject_is_one_event_per_country(code_text):
    r = code_text("Canada, Australia and New Zealand imposed sanctions on Belarus on Monday.")
    assert {(s, t, root) for s, t, root in roots(r)} >= {
        ("CAN", "BLR", "16"), ("AUS", "BLR", "16"), ("NZL", "BLR", "16")}


def test_group_noun_with_including(code_text):
    r = code_text("Several nations, including France, Italy and Spain, announced sanctions "
                  "against Iran.")
    assert {s for s, t, root in roots(r) if root == "16" and t == "IRN"} == {"FRA", "ITA", "ESP"}


def test_conditional_threat_is_asserted_but_its_content_is_not(code_text):
    r = code_text("The European Union would impose new sanctions on Iran should it enrich "
                  "uranium further.")
    asserted = roots(r)
    assert (None, "IRN", "13") in asserted or any(root == "13" for _, _, root in asserted)
    assert not any(root == "16" for _, _, root in asserted)
    assert any(e.root == "16" and e.modality == "hypothetical" for e in r.events)


def test_a_threat_is_aimed_at_whoever_the_condition_names(code_text):
    r = code_text("The foreign secretary said Britain would impose further sanctions if Minsk "
                  "continued to help Moscow.")
    assert ("GBR", "BLR", "13") in roots(r)
    assert not any(root == "16" for _, _, root in roots(r))


def test_feared_and_possible_invasions_are_not_asserted(code_text):
    r = code_text("Lawmakers in Vilnius voted on a plan, a move that could trigger an invasion "
                  "of Lithuania. Analysts fear a Belarusian invasion is next.")
    assert not any(e.root in ("18", "19", "20") and e.modality == "asserted" for e in r.events)


def test_negated_events(code_text):
    r = code_text("Pakistan did not attack India on Sunday.")
    assert not roots(r)
    assert any(e.modality == "negated" and e.root == "19" for e in r.events)


def test_planned_visit_is_future_and_announces_intent(code_text):
    r = code_text("The Japanese prime minister will visit India next week.")
    assert any(e.modality == "future" and e.cameo.startswith("04") for e in r.events)
    assert ("JPN", "IND", "03") in roots(r)
    r = code_text("Japan agreed to hold talks with India.")
    assert ("JPN", "IND", "03") in roots(r)
    # someone else's forecast, or speculation, is not the actor's intent
    r = code_text("The Japanese prime minister is expected to visit India next week.")
    assert not roots(r)
    r = code_text("Analysts said Japan would send troops to South Korea.")
    assert not roots(r)
    r = code_text("Tokyo said Japan would send aid to South Korea.")
    assert ("JPN", "KOR", "03") in roots(r)


def test_a_pledge_gives_way_to_what_it_pledges(code_text):
    r = code_text("Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood.")
    assert {c for s, t, c in dyads(r)} == {"137"}  # not also a bare pledge (030)


def test_no_subject_negates(code_text):
    r = code_text("An Indonesian official said that no Indonesian fishing boats had been seized "
                  "by Australian authorities since May.")
    assert not any(root == "17" for _, _, root in roots(r))
    assert any(e.root == "17" and e.modality == "negated" for e in r.events)


@pytest.mark.parametrize("sentence", [
    "Indonesian fishing crews are regularly detained by Australian authorities.",
    "Indonesian fishermen have been detained by Australian authorities over the past two decades.",
    "Serbia and Kosovo have clashed over the border for years.",
])
def test_habits_are_not_events(code_text, sentence):
    assert not roots(code_text(sentence))


def test_a_sentence_of_years_is_still_an_event(code_text):
    r = code_text("A Tunisian court has jailed a Nigerian student for two years.")
    assert ("TUN", "NGA", "17") in roots(r)


def test_metonyms_are_governments(code_text):
    r = code_text("Moscow accused Kyiv of shelling the power plant.")
    assert ("RUSGOV", "UKRGOV", "112") in {(s, t, c[:3]) for s, t, c in dyads(r)}


def test_reported_speech_codes_the_reported_event(code_text):
    r = code_text("Hungary said Serbia had signed a trade agreement with China.")
    assert any(s == "SRB" and t == "CHN" for s, t, root in roots(r))


def test_light_verb_and_nominal(code_text):
    r = code_text("Iran held talks with Saudi Arabia in Baghdad on Friday.")
    assert ("IRN", "SAU", "04") in roots(r)


def test_boilerplate_yields_nothing(code_text):
    r = code_text("Also Read: Russia attacks Ukraine again\nThe weather was mild on Monday.")
    assert r.events == []


def test_unknown_actors_yield_no_invented_dyads(code_text):
    r = code_text("Springsteen criticised the promoters on Tuesday.")
    assert not any(e.source and e.source.country for e in r.events)


def test_event_fields(code_text):
    r = code_text("France condemned the attack on Tuesday.", date="2021-12-08")
    (ev,) = [e for e in r.events if e.root == "11"]
    assert ev.quad_class == 3 and ev.goldstein < 0 and ev.plover.type == "ACCUSE"
    assert ev.date.isoformat() == "2021-12-07" and ev.date_text == "Tuesday"
    assert r.document.text[ev.span[0]:ev.span[1]] == ev.sentence
    assert ev.trigger == "condemned" and "condemn" in ev.rule
    assert 0 < ev.confidence <= 1


def fits(ex, e) -> bool:
    src_ok = ex.source is None or (e.source and (e.source.code or "").startswith(ex.source))
    tgt_ok = ex.target is None or (e.target and (e.target.code or "").startswith(ex.target))
    return bool(src_ok and tgt_ok)


def test_pattern_examples(pipeline):
    """Every example sentence in the pattern lexicon codes to its code (or at least its root)
    with the expected actors. The lexicon is data users extend; this keeps it honest."""
    from faultlines.read import make_document

    lex = pipeline.coder.lex
    docs = [make_document(ex.text, doc_id=str(i), date="2024-06-01")
            for i, ex in enumerate(lex.examples)]
    exact = root_ok = 0
    failures = []
    for ex, res in zip(lex.examples, pipeline.run(docs), strict=True):
        evs = [e for e in res.events if e.modality == "asserted"]
        if any(e.cameo == ex.code and fits(ex, e) for e in evs):
            exact += 1
        elif any(e.root == ex.code[:2] and fits(ex, e) for e in evs):
            root_ok += 1
        else:
            failures.append(f"{ex.code}: {ex.text}")
    total = len(lex.examples)
    assert total >= 300
    # Measured, not assumed: the threshold sits a little under what the coder achieves.
    assert (exact + root_ok) / total >= 0.9, "\n".join(failures[:40])


@pytest.mark.parametrize("spelling", ["criticised", "criticized"])
def test_both_spellings(code_text, spelling):
    r = code_text(f"Germany {spelling} Turkey over the arrests.")
    assert ("DEU", "TUR", "11") in roots(r)


def test_objects_that_refer_back_to_an_earlier_event(code_text):
    r = code_text("Japan and South Korea imposed sanctions on North Korea on Monday. "
                  "Pyongyang denounced the measures on Tuesday.")
    denounced = {(s, t) for s, t, root in roots(r) if root == "11"}
    assert denounced == {("PRK", "JPN"), ("PRK", "KOR")}


def test_the_rebels_are_the_rebels_named_before(code_text):
    r = code_text("Colombian troops clashed with FARC rebels on Monday. The army accused "
                  "the rebels of planting mines.")
    assert any(e.root == "11" and e.target and e.target.country == "COL"
               for e in r.events if e.modality == "asserted")


def test_passive_attack_from_a_place(code_text):
    r = code_text("Rockets were fired at Israel from the Gaza Strip on Tuesday.")
    assert ("PSE", "ISR", "19") in roots(r)


def test_named_target_after_a_role_object(code_text):
    r = code_text("The United States offered military support to Lebanon on Monday.")
    assert any(t == "LBN" for s, t, root in roots(r) if s == "USA")


@pytest.mark.parametrize("sentence,expected", [
    ("India expelled a Canadian diplomat on Tuesday.", ("IND", "CAN", "16")),
    ("Russia deployed troops to Belarus on Friday.", ("RUS", "BLR", "15")),
    ("Protesters in Tbilisi clashed with police on Sunday.", ("GEO", None, "14")),
    ("Russian forces launched a missile attack on Kyiv on Monday.", ("RUS", "UKR", "19")),
    ("Iran denied supplying drones to Russia.", ("IRN", "RUS", "01")),
])
def test_objects_targets_and_instruments(code_text, sentence, expected):
    assert expected in roots(code_text(sentence))


def test_a_denial_is_not_a_refusal(code_text):
    r = code_text("Iran denied supplying drones to Russia.")
    assert not any(e.root == "12" for e in r.events)
    assert any(e.root == "07" and e.modality == "negated" for e in r.events)


def test_victims_of_a_named_attacker_in_a_named_place(code_text):
    r = code_text("Three civilians were killed in Russian shelling in Kharkiv on Monday.")
    assert ("RUS", "UKR", "19") in roots(r)


def test_a_claim_of_responsibility_is_aimed_where_the_attack_was(code_text):
    r = code_text("Al-Shabaab claimed responsibility for a bombing at a hotel in Nairobi.")
    assert any(t == "KEN" and root == "01" for _, t, root in roots(r))


def test_a_weapon_stands_for_whoever_fired_it_and_accidents_for_no_one(code_text):
    r = code_text("The Georgian airliner was blown up by a missile fired by Russian troops.")
    assert ("RUS", "GEO", "19") in roots(r)
    r = code_text("Interpol will identify the Malaysian victims killed by the crash.")
    assert not any(e.source and e.source.country for e in r.events if e.root == "19")


def test_a_code_given_twice_in_a_pattern_file_is_an_error(tmp_path):
    from faultlines.coding.lexicon import Lexicon

    f = tmp_path / "patterns_mine.yaml"
    f.write_text('codes:\n  "070":\n    verbs: [give]\n  "070":\n    verbs: [grant]\n')
    with pytest.raises(ValueError, match='line 4: key "070" appears twice'):
        Lexicon().load(f)


def test_promised_sanctions_are_the_promiser_s_threat(code_text):
    r = code_text("Biden met Putin on Tuesday. He promised that more sanctions would be coming "
                  "if Putin proceeds further.", date="2021-12-08")
    assert ("USA", "RUS", "13") in roots(r)
    assert not any(root == "16" for _, _, root in roots(r))
    r = code_text("Zelensky said that sanctions were imposed on Russia.", date="2022-03-01")
    assert not any(s == "UKR" and root == "16" for s, _, root in roots(r))


def test_police_of_a_datelined_story_are_that_country_s(code_text):
    r = code_text("TUNIS, Tunisia — Police detained 30 opposition supporters on Saturday.")
    assert any(s == "TUN" and root == "17" for s, _, root in roots(r))


@pytest.mark.parametrize("sentence", [
    "A State Department spokesman said the United States did not intend to send troops to "
    "Guyana.",
    "Analysts said a Venezuelan invasion of Guyana remained unlikely.",
    "Paris has long accused Tehran of holding Western hostages.",
    "Poland has expelled dozens of Russian diplomats since Moscow launched its invasion of "
    "Ukraine.",
    "Ramaphosa accepted an invitation to visit Brazil.",
])
def test_not_news(code_text, sentence):
    r = code_text(sentence, date="2024-10-02")
    assert not any(root in ("04", "15", "16", "17", "19", "11", "13") for _, _, root in roots(r))


def test_history_with_a_year_is_not_news(code_text):
    r = code_text("Russia launched its invasion of Ukraine in February 2022.", date="2024-10-02")
    assert not roots(r)
    r = code_text("Russia launched its invasion of Ukraine in February 2022.", date="2022-02-25")
    assert ("RUS", "UKR", "19") in roots(r)


def test_unknown_speakers_are_not_the_last_actor_named(code_text):
    r = code_text("Vladimir Putin spoke in Moscow on Monday. Aid workers said they had "
                  "criticised China.", date="2023-01-01")
    assert not any(s == "RUS" and root == "11" for s, _, root in roots(r))


def test_a_denial_answers_the_accusation_before_it(code_text):
    r = code_text("Poland accused Russian diplomats of sabotage on Tuesday. Russia's foreign "
                  "ministry denied that the diplomats had any link to sabotage.")
    assert ("RUS", "POL", "01") in roots(r)


def test_condemning_the_attack_condemns_the_attacker(code_text):
    r = code_text("Russian troops shelled Kharkiv on Monday. France condemned the attack.",
                  date="2022-03-02")
    assert ("FRA", "RUS", "11") in roots(r)


def test_a_joint_pledge_of_aid_is_not_an_agreement_among_the_donors(code_text):
    r = code_text("Japan, South Korea and Australia pledged emergency assistance on Tuesday.")
    assert not any(s and t for s, t, _ in roots(r))


def test_talks_between_two_parties_and_their_mediator(code_text):
    r = code_text("Talks between Ethiopia and Eritrea mediated by Kenya ended on Friday.")
    assert ("ETH", "ERI", "04") in roots(r) and ("ERI", "ETH", "04") in roots(r)
    assert {t for s, t, root in roots(r) if s == "KEN" and root == "04"} == {"ETH", "ERI"}


def test_aid_pledged_to_nobody_named_goes_where_the_story_is(code_text):
    r = code_text("DHAKA, Bangladesh — Japan pledged emergency assistance on Tuesday.")
    assert ("JPN", "BGD", "03") in roots(r)


def test_a_visit_at_home_is_no_visit(code_text):
    r = code_text("Prime Minister Sheikh Hasina visited a relief camp in Sunamganj, Bangladesh, "
                  "on Tuesday.", date="2024-06-20")
    assert not any(root == "04" for _, _, root in roots(r))


def test_police_and_their_own_people(code_text):
    r = code_text("Tunisian police detained 30 people on Saturday.")
    assert ("TUN", "TUN", "17") in roots(r)
    r = code_text("The Lukashenko regime continues to imprison people.", date="2023-08-09")
    assert ("BLR", "BLR", "17") in roots(r)


def test_a_government_protest_is_an_official_complaint(code_text):
    r = code_text("Poland protested against the detention of its consul in Minsk.")
    assert any(e.cameo == "114" for e in r.events if e.modality == "asserted")


def test_a_vow_of_response_answers_the_hostile_act(code_text):
    r = code_text("Poland expelled three Russian diplomats on Tuesday. Moscow vowed a response.",
                  date="2024-10-02")
    assert ("RUS", "POL", "13") in roots(r)


def test_a_finite_verb_joined_to_an_infinitive_keeps_its_own_subject(code_text):
    r = code_text("President Irfaan Ali asked the United States and Brazil to help Guyana and "
                  "accused Venezuelan President Nicolas Maduro of lying.", date="2023-12-08")
    assert ("GUY", "VEN", "11") in roots(r)
    assert not any(s in ("USA", "BRA") and root == "11" for s, _, root in roots(r))


def test_an_attack_on_a_place_is_an_attack_on_its_country(code_text):
    r = code_text("A house in Afghanistan's Khost province was struck by a Pakistani drone.")
    assert ("PAK", "AFG", "19") in roots(r)


def test_each_freed_prisoners_of_the_other(code_text):
    r = code_text("Russia and Ukraine each freed 100 prisoners of war in an exchange mediated by "
                  "the United Arab Emirates.", date="2024-04-18")
    assert {("RUS", "UKR", "08"), ("UKR", "RUS", "08")} <= roots(r)
    assert {("ARE", "RUS", "04"), ("ARE", "UKR", "04")} <= roots(r)


def test_moved_people_are_not_visitors(code_text):
    r = code_text("The returning Russian servicemen had been flown to Belarus.")
    assert not any(root == "04" for _, _, root in roots(r))


def test_neither_confirmed_nor_denied(code_text):
    r = code_text("Pakistan neither confirmed nor denied involvement in the strike on Afghanistan.")
    assert not any(root == "01" for _, _, root in roots(r))


def test_no_plans_is_no_plan(code_text):
    r = code_text("Defence Minister Antti Hakkanen said Finland had no plans to send extra "
                  "troops to the border.", date="2024-04-25")
    assert not any(root in ("13", "15") for _, _, root in roots(r))


def test_the_attack_condemned_is_the_one_told_with_that_word(code_text):
    r = code_text("Jihadist fighters from Niger attacked an army base in Borno. Nigerian troops "
                  "later killed scores of militants. The UN condemned the attack.",
                  date="2024-02-27")
    condemned = {e.target.country for e in r.events if e.root == "11"}
    assert condemned == {"NER"}


def test_drills_near_a_border_are_aimed_across_it(code_text):
    r = code_text("Russian troops held drills near the border with Finland on Tuesday.",
                  date="2024-04-25")
    assert ("RUS", "FIN", "15") in roots(r)


def test_last_year_is_history(code_text):
    r = code_text("Finland closed its eastern border last year, accusing Moscow of sending "
                  "migrants.", date="2024-04-25")
    assert not roots(r)


def test_a_protest_note_is_an_official_complaint(code_text):
    r = code_text("Finland handed a protest note to the Russian embassy in Helsinki on Wednesday.")
    assert any(e.cameo == "114" and e.target and e.target.country == "RUS" for e in r.events)


def test_unnamed_troops_in_a_state_s_statement_are_that_state_s(code_text):
    r = code_text("HELSINKI, Finland — Russia's defence ministry said troops had attacked "
                  "Ukrainian positions in Kharkiv.", date="2024-04-25")
    assert ("RUS", "UKR", "19") in roots(r)


def test_a_missing_side_is_the_story_s_counterpart(code_text):
    r = code_text("Mexico imposed tariffs on Chinese steel on Tuesday. China's commerce ministry "
                  "criticised the policy as protectionist.", date="2024-05-16")
    assert ("CHN", "MEX", "11") in roots(r)
    (e,) = [e for e in r.events if e.root == "11"]
    assert "other side from the story" in e.rule
    # with no counterpart in the story, the side stays empty
    r = code_text("China's commerce ministry criticised the policy as protectionist.")
    assert (("CHN", None, "11") in roots(r)) or not roots(r)


def test_several_times_is_a_habit(code_text):
    r = code_text("China has sanctioned US arms makers several times over sales to Taiwan.")
    assert not roots(r)


def test_a_building_after_at_is_where_not_with_whom(code_text):
    r = code_text("Sudan's government and the rebels signed a peace agreement at State House in "
                  "Nairobi on Monday.", date="2023-08-28")
    assert not any(t == "KEN" for _, t, _ in roots(r))


def test_their_patrol_is_not_the_attackers_own(code_text):
    r = code_text("At least nine Indian soldiers were injured on Sunday when Chinese troops "
                  "attacked their patrol.", date="2024-03-14")
    assert ("CHN", "IND", "19") in roots(r)


def test_agreeing_to_withdraw_troops_is_between_the_two_sides(code_text):
    r = code_text("Indian and Chinese commanders met in Chushul. The two sides agreed to "
                  "withdraw troops from the site.", date="2024-03-14")
    agreed = {(s, t) for s, t, root in roots(r) if root == "03"}
    assert agreed and all(s != t for s, t in agreed)


def test_denying_that_weapons_were_used_is_not_refusing_weapons(code_text):
    r = code_text("China's defence ministry denied that Chinese soldiers had used weapons.")
    assert not any(e.cameo.startswith("122") for e in r.events)


def test_step_down_is_not_step_back(code_text):
    r = code_text("Britain urged the Zimbabwean president to step down.")
    assert any(e.cameo == "0241" for e in r.events)
    r = code_text("The UN urged Israel and Hezbollah to step back from the brink.")
    assert not any(e.cameo == "0241" for e in r.events)


def test_condemning_the_launch_condemns_the_launcher(code_text):
    r = code_text("North Korea fired a ballistic missile into the sea on Thursday. South Korea's "
                  "military condemned the launch.", date="2024-08-23")
    assert ("KOR", "PRK", "11") in roots(r)


def test_headline_participle_is_a_passive(code_text):
    title = "Kenyan soldier killed on border as ministers meet in Addis Ababa"
    r = code_text(f"{title}\n\nNAIROBI, Kenya - Officials gave few details on Friday.",
                  title=title)
    assert not any(e.source and e.source.country == "KEN" and e.root == "19" for e in r.events)
    assert (None, "KEN", "19") in roots(r)


def test_a_killing_and_the_firing_that_caused_it_are_one_attack(code_text):
    r = code_text("A Lebanese soldier was killed on Monday when Israeli forces opened fire on "
                  "positions near the village of Rmeish, the army said.")
    assert ("ISR", "LBN", "19") in roots(r)
    assert not any(s is None or t is None for s, t, root in roots(r) if root == "19")


def test_a_partial_report_of_an_event_told_in_full_is_dropped(code_text):
    r = code_text("Two Indian soldiers were killed on Sunday. Pakistani troops shot the two Indian "
                  "soldiers near the Line of Control, the Indian army said.")
    assert ("PAK", "IND", "19") in roots(r)
    assert (None, "IND", "19") not in roots(r)


def test_a_go_between_is_the_mediator_not_a_party(code_text):
    r = code_text("Armenia's foreign minister Ararat Mirzoyan and his Azerbaijani counterpart "
                  "Jeyhun Bayramov spent four hours negotiating a treaty with Russian Foreign "
                  "Minister Sergei Lavrov acting as mediator.", date="2023-07-12")
    assert {("ARM", "AZE", "04"), ("AZE", "ARM", "04"), ("RUS", "ARM", "04"),
            ("RUS", "AZE", "04")} <= roots(r)
    assert ("ARM", "RUS", "04") not in roots(r)


def test_no_date_for_a_summit_is_no_refusal(code_text):
    r = code_text("Lavrov gave no date for a summit between Prime Minister Nikol Pashinyan and "
                  "President Ilham Aliyev.", date="2023-07-12")
    assert not any(root == "12" for _, _, root in roots(r))


def test_a_relative_clause_dated_months_earlier_is_background(code_text):
    r = code_text("European Council President Charles Michel, who hosted Pashinyan and Aliyev in "
                  "Brussels in May, urged both leaders to keep talking.", date="2023-07-12")
    assert not any(root == "04" for _, _, root in roots(r))
    assert any(root == "02" for _, _, root in roots(r))


def test_returned_fire_answers_the_attack(code_text):
    r = code_text("Pakistani troops opened fire with small arms on Indian posts late on Monday, "
                  "and Indian soldiers returned fire.", date="2024-11-22")
    assert {("PAK", "IND", "19"), ("IND", "PAK", "19")} <= roots(r)


def test_a_country_s_fire_is_its_military(code_text):
    r = code_text("An Indian soldier was killed by Pakistani fire in the Poonch sector.",
                  date="2024-11-22")
    assert ("PAKMIL", "INDMIL", "190") in dyads(r)


def test_two_parties_agreeing_to_extend_their_ceasefire(code_text):
    r = code_text("Colombia's government and the National Liberation Army (ELN) agreed on Monday "
                  "to extend their bilateral ceasefire by six months.", date="2023-12-19")
    assert {("COLGOV", "COLREB", "0871"), ("COLREB", "COLGOV", "0871")} <= dyads(r)


def test_an_alliance_of_rebels_signing_at_a_venue(code_text):
    r = code_text("South Sudan's government and an alliance of rebel groups signed a peace "
                  "agreement at State House in Nairobi on Sunday.", date="2024-08-19")
    assert {("SSDGOV", "SSDREB", "057"), ("SSDREB", "SSDGOV", "057")} <= dyads(r)
    assert not any(t == "KEN" for _, t, _ in roots(r))


def test_the_three_countries_and_an_agency_head(code_text):
    r = code_text("The International Atomic Energy Agency's board met on Monday, and the agency's "
                  "director general, Rafael Grossi, spoke afterwards. He urged Tehran to "
                  "reconsider. France, Germany and Britain urged Iran to reverse the decision. "
                  "Iran's foreign ministry spokesman, Esmaeil Baghaei, accused the three European "
                  "countries of politicising the agency's work.", date="2025-02-19")
    assert any(e.source and (e.source.code or "").startswith("IGO") and e.root == "02"
               and e.target and e.target.country == "IRN" for e in r.events)
    assert {("IRN", "FRA", "11"), ("IRN", "DEU", "11"), ("IRN", "GBR", "11")} <= roots(r)


def test_ministries_in_three_capitals(code_text):
    r = code_text("The foreign ministries in Paris, Berlin and London condemned Iran on Monday.",
                  date="2025-02-19")
    assert {("FRA", "IRN", "11"), ("DEU", "IRN", "11"), ("GBR", "IRN", "11")} <= roots(r)


def test_a_bare_fear_is_no_comment(code_text):
    r = code_text("MANILA, February 20 (Wire) - Philippine officials fear that a Chinese blockade "
                  "could leave the marines short of food.", date="2024-02-20")
    assert not roots(r)


def test_the_ministers_are_the_ministers_named_before(code_text):
    r = code_text("European Union foreign ministers adopted new sanctions against Belarus on "
                  "Monday. Lithuanian Foreign Minister Kestutis Budrys welcomed the decision. "
                  "Exiled opposition leader Sviatlana Tsikhanouskaya also praised the ministers.",
                  date="2025-07-16")
    assert ("BLROPP", "IGOEU", "051") in dyads(r)
    assert ("LTUGOV", "IGOEU", "051") in dyads(r)  # the decision was the EU's


def test_he_after_the_bloc_is_still_the_person(code_text):
    r = code_text("Kaja Kallas, the bloc's foreign policy chief, spoke on Monday. President "
                  "Alexander Lukashenko warned that Belarus would close its border if the bloc "
                  "kept adding restrictions. He also accused Vilnius of lobbying for the "
                  "measures.", date="2025-07-16")
    assert ("BLR", "LTU", "11") in roots(r)


def test_must_under_a_verb_of_saying_is_a_demand(code_text):
    r = code_text("The Congolese foreign minister said Rwandan troops must leave Congolese "
                  "territory before any final deal is signed.", date="2025-04-26")
    assert ("COD", "RWA", "10") in roots(r)
    assert not any(root == "05" for _, _, root in roots(r))  # the deal is not yet signed
    assert not any(root == "08" for _, _, root in roots(r))  # nor have the troops left


def test_ministers_of_two_countries_at_a_ceremony_hosted_by_a_third(code_text):
    r = code_text("The foreign ministers of the Democratic Republic of Congo and Rwanda signed a "
                  "declaration of principles on Friday at a State Department ceremony hosted by "
                  "Secretary of State Marco Rubio.", date="2025-04-26")
    assert {("CODGOV", "RWAGOV", "057"), ("RWAGOV", "CODGOV", "057"),
            ("USAGOV", "CODGOV", "043"), ("RWAGOV", "USAGOV", "042")} <= dyads(r)


def test_a_named_militia_and_its_short_name(code_text):
    r = code_text("TRIPOLI, March 18 (Wire) - The fighting broke out when the 444 Brigade and the "
                  "Radaa Deterrence Force, a militia that controls Mitiga airport, exchanged fire. "
                  "Three civilians were killed on Monday when a shell struck their house in Ain "
                  "Zara. Radaa said on Tuesday that it accused the 444 Brigade of starting the "
                  "fighting.", date="2025-03-18")
    assert {("LBY", "LBY", "19"), ("LBY", "LBY", "11")} <= roots(r)
    assert not any("HRV" in (s, t) for s, t, _ in roots(r))  # Ain Zara is not Zara, Croatia


def test_a_generic_congress_is_the_story_s(code_text):
    r = code_text("LIMA, February 14 (Wire) - Peru's Congress voted to censure Interior Minister "
                  "Juan Jose Santivanez. Santivanez, whom lawmakers blamed for failing to stop "
                  "gangs, resigned hours later. President Dina Boluarte accused Congress of "
                  "playing politics.", date="2025-02-14")
    assert {("PERLEG", "PERGOV", "111"), ("PERGOV", "PERLEG", "112")} <= dyads(r)
    assert ("PER", "PER", "11") in roots(r)
    assert not any("USA" in (s, t) for s, t, _ in roots(r))


def test_police_said_they_and_stones_thrown_at_officers(code_text):
    r = code_text("LIMA, February 14 (Wire) - Police said they had detained 23 people after "
                  "protesters threw stones at officers guarding the building.", date="2025-02-14")
    assert ("PERCOP", "PERCVL", "173") in dyads(r)
    assert ("PER", "PER", "14") in roots(r)


def test_gang_members_of_a_datelined_story(code_text):
    r = code_text("PORT-AU-PRINCE, Haiti - Police said officers had exchanged fire with members of "
                  "the Grand Ravine gang for several hours on Sunday.", date="2023-10-03")
    assert ("HTICOP", "HTICRM", "190") in dyads(r)


def test_the_court_and_a_story_datelined_at_a_venue(code_text):
    r = code_text("THE HAGUE, Netherlands - The International Criminal Court on Tuesday issued an "
                  "arrest warrant for a Burundian army general. Burundi refused to hand him over. "
                  "Burundian Foreign Minister Albert Shingiro said Burundi would never deliver a "
                  "Burundian soldier. Foreign Minister Albert Shingiro accused the court of "
                  "ignoring abuses in Burundi.", date="2024-03-06")
    assert any(e.source and e.source.country == "BDI" and e.root == "11" and e.target
               and e.target.code == "IGOICC" for e in r.events)
    assert not any("NLD" in (s, t) for s, t, _ in roots(r))


def test_a_demand_is_aimed_at_who_is_to_act(code_text):
    r = code_text("COLOMBO, Sri Lanka - Trade unions demanded on Monday that the government "
                  "reverse the tariff increase.", date="2023-10-19")
    assert ("LKALAB", "LKAGOV", "1042") in dyads(r) or ("LKA", "LKA", "10") in roots(r)


def test_a_ship_belongs_to_its_owner_s_country_and_a_gulf_is_no_province(code_text):
    r = code_text("A Greek-owned bulk carrier was struck in the Gulf of Aden on Monday night by two "
                  "anti-ship missiles fired from Houthi-controlled territory in Yemen. Yemen's "
                  "Houthi movement claimed the attack on Tuesday.", date="2024-03-13")
    assert ("YEM", "GRC", "19") in roots(r)
    assert not any("PNG" in (s, t) for s, t, _ in roots(r))


def test_condemning_a_killing_is_aimed_at_the_killers(code_text):
    r = code_text("BEIRUT, Lebanon - A farmer and his son were killed when an Israeli drone hit "
                  "their car near Khiam on Tuesday. Prime Minister Najib Mikati condemned the "
                  "killing of the two civilians.", date="2024-07-10")
    assert ("LBN", "ISR", "11") in roots(r)


def test_a_wound_alone_is_no_event(code_text):
    r = code_text("TUNIS, Tunisia - The ministry said 12 officers were injured on Saturday.",
                  date="2023-11-12")
    assert not roots(r)


def test_an_announced_combined_exercise_is_cooperation_not_a_threat(code_text):
    r = code_text("Seoul and Washington announced that US B-52 bombers would join South Korean "
                  "fighter jets in a combined air exercise over the peninsula next week.",
                  date="2024-08-23")
    assert ("USA", "KOR", "03") in roots(r)
    assert not any(root == "13" for _, _, root in roots(r))


def test_it_in_a_second_clause_and_the_two_allies(code_text):
    r = code_text("Turkey's defence ministry denied on Friday that its aircraft had entered Greek "
                  "airspace, and it accused Athens of arming the islands. In Brussels on Friday, "
                  "NATO Secretary General Jens Stoltenberg called on the two allies to settle "
                  "their differences through dialogue.", date="2022-09-09")
    assert ("TURGOV", "GRCGOV", "112") in dyads(r)
    assert {("IGONAT", "TURGOV", "027"), ("IGONAT", "GRCGOV", "027")} <= dyads(r)


def test_shells_on_a_hospital_and_a_brokered_truce(code_text):
    r = code_text("PORT SUDAN, Sudan - Sudan's army and the paramilitary Rapid Support Forces "
                  "agreed on Monday to a 72-hour truce, hours after RSF shells struck the city's "
                  "main hospital. The truce, brokered by the United Nations envoy for Sudan, "
                  "Ramtane Lamamra, took effect on Tuesday. The army said RSF fighters had fired "
                  "artillery at its positions in the city's south-east.", date="2024-06-12")
    assert ("SDN", "SDN", "19") in roots(r)
    assert any(e.source and e.source.code == "IGOUNO" and e.cameo == "045" and e.target
               and e.target.country == "SDN" for e in r.events)


def test_in_a_domestic_story_the_counterpart_is_the_country_itself(code_text):
    r = code_text("SEOUL, Dec 5 (Wire) - South Korean troops sealed off the National Assembly on "
                  "Tuesday. Opposition lawmakers accused President Yoon Suk Yeol of staging a "
                  "coup. Opposition leader Lee Jae-myung condemned the declaration on Wednesday. "
                  "US Secretary of State Antony Blinken welcomed the vote.", date="2024-12-05")
    assert not any(s == "KOR" and t == "USA" and root == "11" for s, t, root in roots(r))
    assert ("KOR", "KOR", "11") in roots(r)
