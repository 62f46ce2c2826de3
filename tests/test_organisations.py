"""Organisations: rules on strings and a blank pipeline; behaviour on the model and the seed articles."""

from __future__ import annotations

import pytest
import spacy

from extractors import extensions
from extractors.components.organisations import _clean_key, acronym_fits, is_acronym_like, load_gazetteer, type_from_name


@pytest.mark.parametrize("acronym,name,fits", [
    ("NCA", "National Crime Agency", True),
    ("MoJ", "Ministry of Justice", True),
    ("CEOP", "Child Exploitation and Online Protection Centre", True),
    ("NSPCC", "National Society for the Prevention of Cruelty to Children", True),
    ("ONS", "Office for National Statistics", True),
    ("GCHQ", "Government Communications Headquarters", True),
    ("BoE", "Bank of England", True),
    ("NCA", "Ministry of Justice", False),
    ("CPS", "Crown Court", False),
    ("FBI", "Financial Conduct Authority", False),
])
def test_acronym_fits(acronym, name, fits):
    assert acronym_fits(acronym, name) is fits


@pytest.mark.parametrize("text,expected", [("NCA", True), ("MoJ", True), ("G7", True), ("DfE", True), ("PwC", True),
                                           ("Biggar", False), ("A", False), ("nca", False),
                                           ("McIlroy", False), ("NatWest", False), ("MacDonald", False)])
def test_is_acronym_like(text, expected):
    assert is_acronym_like(text) is expected


@pytest.mark.parametrize("text,key", [
    ("the National Crime Agency", "national crime agency"),
    ("National Crime Agency's", "national crime agency"),
    ("the NCA’s", "nca"),
    ("Home Office,", "home office"),
])
def test_clean_key(text, key):
    assert _clean_key(text) == key


@pytest.mark.parametrize("name,type_", [
    ("Lancashire Constabulary", "police force"), ("Ministry of Defence", "government department"),
    ("Green Valley Trust", "charity"), ("Acme Holdings plc", "company"), ("Hovering Things", None),
    ("BBC Radio 4", "media outlet"), ("Kent Messenger Newspaper", "media outlet"), ("Channel 4", None),
])
def test_type_from_name(name, type_):
    assert type_from_name(name) == type_


def test_gazetteer_lookup_by_word_set_tolerates_word_order():
    gaz = load_gazetteer()
    idx = gaz.lookup("Child Exploitation Online and Protection Centre")
    assert idx is not None and gaz.entries[idx].acronym == "CEOP"


def test_blank_pipeline_runs_on_gazetteer_only():
    """Without a model there are no entities or tags; the component still runs."""
    import extractors.components.organisations  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("organisations")
    doc = nlp("The Ministry of Justice published figures.")
    orgs = extensions.get_records(doc, "organisations")
    assert [o.name for o in orgs] == ["Ministry of Justice"]
    assert orgs[0].mentions[0].text == "Ministry of Justice"


# --------------------------------------------------------------------------- with the model


def _orgs(nlp, text):
    doc = nlp(text)
    return doc, extensions.get_records(doc, "organisations")


def _by_name(orgs, name):
    hits = [o for o in orgs if o.name == name]
    assert hits, f"{name} not in {[o.name for o in orgs]}"
    return hits[0]


@pytest.mark.model
def test_acronym_defined_in_brackets_and_definite_description(nlp):
    text = ("The Serious Organised Fraud Unit (SOFU) opened an inquiry on Monday. "
            "SOFU said the unit had seized records. The Ministry of Defence declined to comment, "
            "and the department said it would cooperate.")
    doc, orgs = _orgs(nlp, text)
    sofu = _by_name(orgs, "Serious Organised Fraud Unit")
    assert sofu.acronym == "SOFU"
    assert sum(1 for m in sofu.mentions if m.text == "SOFU") == 2
    mod = _by_name(orgs, "Ministry of Defence")
    assert any(m.text == "department" and m.kind == "description" for m in mod.mentions)
    for o in orgs:
        for m in o.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.model
def test_possessive_and_article_are_stripped_and_merged(nlp):
    text = ("The National Crime Agency's officers arrested two men. A spokesperson for the National Crime Agency "
            "said the NCA would say more later.")
    _, orgs = _orgs(nlp, text)
    nca = _by_name(orgs, "National Crime Agency")
    assert nca.acronym == "NCA" and nca.type == "agency"
    assert [m.text for m in nca.mentions] == ["National Crime Agency", "National Crime Agency", "NCA"]
    assert len([o for o in orgs if "Crime" in o.name]) == 1


@pytest.mark.model
def test_cctv_is_not_an_organisation(nlp):
    _, orgs = _orgs(nlp, "Police released CCTV of her last known movements as the BBC reported the appeal.")
    assert "CCTV" not in {o.name for o in orgs} | {o.acronym for o in orgs}


# --------------------------------------------------------------------------- seed articles


@pytest.mark.model
@pytest.mark.parametrize("seed,name,acronym,type_", [
    ("000", "National Crime Agency", "NCA", "agency"),
    ("000", "Home Office", None, "government department"),
    ("000", "Ministry of Justice", None, "government department"),
    ("001", "National Crime Agency", "NCA", "agency"),
    ("002", "Norfolk Constabulary", None, "police force"),
    ("002", "Attorney General's Office", None, "government department"),
    ("003", "National Crime Agency", "NCA", "agency"),
    ("004", "Ministry of Justice", "MoJ", "government department"),
    ("004", "National Society for the Prevention of Cruelty to Children", "NSPCC", "charity"),
    ("004", "Crown Prosecution Service", "CPS", "agency"),
])
def test_seed_organisations(nlp, seed_texts, seed, name, acronym, type_):
    text = next(t for k, t in seed_texts.items() if k.startswith(seed))
    _, orgs = _orgs(nlp, text)
    org = _by_name(orgs, name)
    assert (org.acronym, org.type) == (acronym, type_)


@pytest.mark.model
def test_seed_000_cctv_not_an_org_and_nca_mentions(nlp, seed_texts):
    text = next(t for k, t in seed_texts.items() if k.startswith("000"))
    _, orgs = _orgs(nlp, text)
    assert all("CCTV" not in (o.name, o.acronym) for o in orgs)
    nca = _by_name(orgs, "National Crime Agency")
    assert {m.text for m in nca.mentions} == {"National Crime Agency", "NCA"}


@pytest.mark.model
def test_seed_003_ceop_is_a_branch_of_the_nca(nlp, seed_texts):
    text = next(t for k, t in seed_texts.items() if k.startswith("003"))
    _, orgs = _orgs(nlp, text)
    nca = _by_name(orgs, "National Crime Agency")
    ceop = _by_name(orgs, "Child Exploitation and Online Protection Centre")
    assert "Child Exploitation Online and Protection Centre" in ceop.aliases
    assert {"relation": "branch_of", "target": nca.id} in ceop.relations


@pytest.mark.model
def test_seed_004_acronym_defined_in_text(nlp, seed_texts):
    text = next(t for k, t in seed_texts.items() if k.startswith("004"))
    doc, orgs = _orgs(nlp, text)
    moj = _by_name(orgs, "Ministry of Justice")
    assert moj.acronym == "MoJ"
    assert [m.text for m in moj.mentions].count("MoJ") == 2
    assert all(s.label_ == "ORG" for s in doc.spans["organisations"])


@pytest.mark.model
@pytest.mark.parametrize("text,absent,present", [
    # a person the model also calls an organisation
    ("Robert Kilroy-Silk launched his party. Kilroy-Silk said it would win seats.", "Kilroy-Silk", None),
    # a title after the body is not part of its name
    ("Maurice Wren, the Refugee Council Chief Executive, said the figures were worrying.",
     "Refugee Council Chief Executive", "Refugee Council"),
    # an honorific starts a person's name, not a body's
    ("The Rt Rev Scott-Joynt spoke in the Lords.", "Rt Rev Scott-Joynt", None),
    # a portfolio is not a body
    ("The plan was unveiled by the Trade and Industry Secretary Nora Pym.", "Trade and Industry", None),
])
def test_not_bodies(nlp, text, absent, present):
    _, orgs = _orgs(nlp, text)
    names = {o.name for o in orgs}
    assert absent not in names
    if present:
        assert present in names


@pytest.mark.parametrize("text,key", [
    # British and American spellings share a key
    ("International Labour Organisation", "international labour organization"),
    ("the Serious Organised Crime Agency", "serious organized crime agency"),
])
def test_clean_key_spelling(text, key):
    assert _clean_key(text) == key


@pytest.mark.model
@pytest.mark.parametrize("text,names", [
    # a bracket left open by the model is not part of the name; the spelling variant is the gazetteer body
    ("The International Labour Organisation (ILO) said jobs grew.", {"International Labour Organization"}),
    # units and corporate events are not bodies
    ("The firm plans an IPO and an AGM next month, adding 500 MW of capacity.", set()),
    # a party the model calls a nationality is the party when used as one
    ("The Conservatives promised lower taxes. Labour said the sums did not add up.", {"Conservative Party", "Labour Party"}),
    ("The minister faces pressure from Conservative MPs.", {"Conservative Party"}),
    ("Conservative estimates put the cost at £4bn.", set()),
    # two bodies the model ran together; a body of a place; a sea is no body
    ("The fine was imposed on NatWest at Southwark Crown Court on Monday.", {"NatWest Group", "Southwark Crown Court"}),
    ("The report criticised the Royal Borough of Kensington and Chelsea, which owned the block.",
     {"Royal Borough of Kensington and Chelsea"}),
    ("More than 29,000 people crossed the English Channel in small boats.", set()),
    # a capitalised word before a body is not part of its name
    ("Senior Bank of England officials said rates would stay high.", {"Bank of England"}),
    # a party of another country is not the UK party
    ("Canada's Conservative leader said taxes would fall.", set()),
    # one name with a lower-case "in" is not split
    ("The Institute for Research in Social Policy Unit published the report.",
     {"Institute for Research in Social Policy Unit"}),
    # an acronym of lower-case words names rules, not a body; a club the model calls a place
    ("Clubs broke the Premier League's profit and sustainability rules (PSR). Under PSR a club may lose £105m.",
     {"Premier League"}),
    ("Everton were docked ten points on Friday.", {"Everton"}),
])
def test_names_of_bodies(nlp, text, names):
    _, orgs = _orgs(nlp, text)
    assert {o.name for o in orgs} == names


@pytest.mark.model
@pytest.mark.parametrize("text,not_a_body", [
    # a capitalised plural at the start of a sentence
    ("Fuel price cap to rise\n\nMotorists in Wales face a record jump in costs.", "Motorists"),
    # a description with a lower-case prefix
    ("She was the first non-Briton to hold the post.", "non-Briton"),
    # a room of a building, a tax
    ("Ministers met in the Cabinet Room on Friday.", "Cabinet Room"),
    ("The firm will pay more under the Energy Profits Levy.", "Energy Profits Levy"),
    ("The fine was set under the General Data Protection Regulation.", "General Data Protection Regulation"),
    ("Employers will pay more National Insurance from April.", "National Insurance"),
    # the place of a dateline; a place in a place
    ("Nurses strike\nMANCHESTER, 21 August 2023\n\nNurses walked out.", "MANCHESTER"),
    ("A reading of 40.3C at Coningsby in Lincolnshire is a record.", "Coningsby in Lincolnshire"),
    # a sentence-initial discourse word is not part of the name
    ("Separate Transport Department data show a fall.", "Separate Transport Department"),
    # a body named after its address, used as the place
    ("Police looked into parties held in Downing Street and Whitehall.", "Downing Street"),
    # a known body followed by a one-word title is the body and a title
    ("Prices rose again in May.  Bank of England Governor Andrew Bailey said inflation was falling.",
     "Bank of England Governor"),
])
def test_not_bodies_in_context(nlp, text, not_a_body):
    _, orgs = _orgs(nlp, text)
    assert not any(m.text == not_a_body for o in orgs for m in o.mentions), [o.name for o in orgs]


@pytest.mark.model
def test_the_address_is_the_body_when_it_speaks(nlp):
    _, orgs = _orgs(nlp, "Downing Street said the prime minister accepted the fine.")
    assert [o.name for o in orgs] == ["Prime Minister's Office"]


@pytest.mark.model
def test_next_is_not_part_of_a_body_name(nlp):
    _, orgs = _orgs(nlp, "Regulator chief Jo Pryce named next Bank of England governor")
    assert "Bank of England" in [o.name for o in orgs]
    assert not any(o.name.startswith("next") for o in orgs)


@pytest.mark.model
def test_a_description_with_a_modifier(nlp):
    _, orgs = _orgs(nlp, "Ofwat fined the firm. The water regulator said it had acted.")
    ofwat = _by_name(orgs, "Ofwat")
    assert any(m.text == "water regulator" and m.kind == "description" for m in ofwat.mentions)


@pytest.mark.model
def test_a_lead_description_names_the_body_of_the_next_sentence(nlp):
    text = "Water bills to rise\n\nThe water regulator has approved higher bills.\n\nOfwat said on Monday that bills would rise."
    _, orgs = _orgs(nlp, text)
    ofwat = _by_name(orgs, "Ofwat")
    assert any(m.text == "water regulator" for m in ofwat.mentions)


@pytest.mark.model
@pytest.mark.parametrize("text,body,short,count", [
    # a club's short form names it once the text has named it in full
    ("Nottingham Forest were docked four points. Forest said they would appeal.", "Nottingham Forest", "Forest", 1),
    # not alone, not a short form: a place, a stadium, another club
    ("Aston Villa won 2-0 at Villa Park.", "Aston Villa", "Villa", 0),
    ("Nottingham Forest lost at home to Forest Green Rovers in the cup.", "Nottingham Forest", "Forest", 0),
    ("Ofwat fined Thames Water. Thames said it would appeal; the Thames Valley is its area.", "Thames Water", "Thames", 1),
    # a short form two bodies of the text share names neither
    ("Manchester United beat Newcastle United 3-1. United scored first.", "Manchester United", "United", 0),
])
def test_short_forms_of_bodies_named_in_full(nlp, text, body, short, count):
    _, orgs = _orgs(nlp, text)
    named = _by_name(orgs, body)
    assert sum(1 for m in named.mentions if m.text == short) == count


@pytest.mark.model
def test_no_short_form_without_the_full_name(nlp):
    _, orgs = _orgs(nlp, "The forest fire spread. Forest rangers said the park would close.")
    assert "Nottingham Forest" not in [o.name for o in orgs]



@pytest.mark.model
def test_the_met_office_is_not_the_met(nlp):
    _, orgs = _orgs(nlp, "It was the hottest day on record, the Met Office said. The Met said 3 officers were hurt.")
    office = _by_name(orgs, "Met Office")
    assert [m.text for m in office.mentions] == ["Met Office"]
    assert [m.text for m in _by_name(orgs, "Metropolitan Police Service").mentions] == ["Met"]


@pytest.mark.model
@pytest.mark.parametrize("text,name,description", [
    ("The attacks took place at the Countess of Chester Hospital. The hospital said it was sorry.",
     "Countess of Chester Hospital", "hospital"),
    ("London Fire Brigade was stretched. The brigade took 2,600 calls.", "London Fire Brigade", "brigade"),
])
def test_hospitals_and_brigades(nlp, text, name, description):
    _, orgs = _orgs(nlp, text)
    body = _by_name(orgs, name)
    assert any(m.text.lower() == description and m.kind == "description" for m in body.mentions)



@pytest.mark.model
@pytest.mark.parametrize("text,name,acronym", [
    # a word-like acronym defined in brackets, and its later uses
    ("Ann Rhys, who chairs the Special Interest Group of Municipal Authorities (Sigoma), spoke. Sigoma said so.",
     "Special Interest Group of Municipal Authorities", "Sigoma"),
])
def test_word_like_acronyms_defined_in_brackets(nlp, text, name, acronym):
    _, orgs = _orgs(nlp, text)
    body = _by_name(orgs, name)
    assert body.acronym == acronym and sum(1 for m in body.mentions if m.text == acronym) == 2
    assert [o.name for o in orgs].count(acronym) == 0



@pytest.mark.model
@pytest.mark.parametrize("text,party", [
    ("The Conservative opposition on the council blamed the ruling group.", "Conservative Party"),
    ("Labour lost the seat by six votes.", "Labour Party"),
])
def test_a_party_adjective_before_a_party_noun_is_the_party(nlp, text, party):
    _, orgs = _orgs(nlp, text)
    assert party in [o.name for o in orgs]
