"""Officials and persons: roles, folding of later mentions, model repairs; seed gold cases."""

from __future__ import annotations

import pytest

from extractors import extensions

pytestmark = pytest.mark.model


def _people(nlp, text):
    doc = nlp(text)
    return doc, extensions.get_records(doc, "officials"), extensions.get_records(doc, "persons")


def _one(people, name):
    hits = [p for p in people if p.name == name]
    assert hits, f"{name} not in {[p.name for p in people]}"
    return hits[0]


def _seed(seed_texts, prefix):
    return next(t for k, t in seed_texts.items() if k.startswith(prefix))


def _roles(p):
    return {((r.title or "").lower(), r.organisation) for r in p.roles}


# --------------------------------------------------------------------------- seed gold cases


@pytest.mark.parametrize("seed,name,title,organisation", [
    ("000", "Graeme Biggar", "Director General", "National Crime Agency"),
    ("000", "Rob Jones", "Director General of Operations", "National Crime Agency"),
    ("001", "Graeme Biggar", "director general", "National Crime Agency"),
    ("001", "Rob Jones", "director of operations", "National Crime Agency"),
    ("002", "Robert Buckland", "Solicitor General", None),
    ("002", "Simon Bailey", "Chief Constable", "Norfolk Constabulary"),
    ("003", "Keith Bristow", "head", "National Crime Agency"),
    ("003", "Theresa May", "Home Secretary", None),
    ("004", "Jon Brown", "head of strategy for sexual abuse", "National Society for the Prevention of Cruelty to Children"),
])
def test_seed_official_triples(nlp, seed_texts, seed, name, title, organisation):
    _, officials, _ = _people(nlp, _seed(seed_texts, seed))
    p = _one(officials, name)
    assert p.is_official
    assert (title.lower(), organisation) in _roles(p)
    assert (p.title, p.organisation) == (title, organisation)


def test_seed_000_later_mentions_fold_and_header_is_not_a_person(nlp, seed_texts):
    text = _seed(seed_texts, "000")
    _, officials, persons = _people(nlp, text)
    biggar = _one(officials, "Graeme Biggar")
    for m in biggar.mentions:
        assert text[m.start:m.end] == m.text
    names = [m for m in biggar.mentions if m.kind == "name"]
    assert len(names) == 5  # Graeme Biggar, Mr Biggar (said), Mr Biggar (alongside), Director General Biggar, Mr Biggar (and Mr Jones)
    i = text.index("Director General Biggar")
    assert any(m.start == i + len("Director General ") for m in names)
    i = text.index("Speaking alongside Mr Biggar")
    assert any(m.start == i + len("Speaking alongside Mr ") for m in names)
    assert len([p for p in officials + persons if "Biggar" in p.name]) == 1
    everyone = [p.name for p in officials + persons]
    assert not any(any(c.isdigit() for c in n) for n in everyone)
    assert "Ali Miraj" in [p.name for p in persons]  # a programme header: a person, not an official
    jones = _one(officials, "Rob Jones")
    assert [m.text for m in jones.mentions if m.kind == "name"] == ["Rob Jones", "Jones", "Jones"]


def test_seed_001_keren_is_a_person_not_an_official(nlp, seed_texts):
    _, officials, persons = _people(nlp, _seed(seed_texts, "001"))
    assert "Keren" in [p.name for p in persons]
    assert "Keren" not in [p.name for p in officials]
    assert not _one(persons, "Keren").is_official


def test_seed_002_second_role_is_kept(nlp, seed_texts):
    _, officials, _ = _people(nlp, _seed(seed_texts, "002"))
    bailey = _one(officials, "Simon Bailey")
    roles = _roles(bailey)
    assert ("chief constable", "Norfolk Constabulary") in roles
    assert any(t == "national policing lead for child protection" for t, _ in roles)
    buckland = _one(officials, "Robert Buckland")
    assert "government minister" in {t for t, _ in _roles(buckland)}
    assert buckland.roles[0].implied_organisation == "Attorney General's Office"


def test_seed_003_description_is_tied_to_the_person(nlp, seed_texts):
    text = _seed(seed_texts, "003")
    _, officials, _ = _people(nlp, text)
    bristow = _one(officials, "Keith Bristow")
    assert any(m.kind == "description" and m.text.startswith("head of the National Crime Agency") for m in bristow.mentions)
    may = _one(officials, "Theresa May")
    assert may.roles[0].pattern == "apposition" and may.roles[0].implied_organisation == "Home Office"


def test_spans_and_kinds(nlp, seed_texts):
    doc, officials, persons = _people(nlp, _seed(seed_texts, "001"))
    labels = {s.label_ for s in doc.spans["officials"]}
    assert labels == {"OFFICIAL", "PERSON"}
    ids = [p.id for p in officials + persons]
    assert len(ids) == len(set(ids)) and all(i.startswith("P") for i in ids)


# --------------------------------------------------------------------------- rules in our own words


@pytest.mark.parametrize("text,name,title,organisation", [
    ("Lancashire Chief Constable Mary Holt said the force would publish its figures.", "Mary Holt", "Chief Constable", "Lancashire Constabulary"),
    ("Peter Quinn, the agency's head of investigations, said the case was complex. The Serious Fraud Office declined to comment.", "Peter Quinn", "head of investigations", None),
    ("Anna Lisle, chief executive of the Trussell Trust, said demand had risen.", "Anna Lisle", "chief executive", "Trussell Trust"),
    ("The Home Office's permanent secretary, Tom Reed, gave evidence to MPs.", "Tom Reed", "permanent secretary", "Home Office"),
    ("Health Secretary Maria Lowe announced the plan on Monday.", "Maria Lowe", "Health Secretary", None),
    ("Carl Dunn became chief economist at the Bank of England in 2020.", "Carl Dunn", "chief economist", "Bank of England"),
    # portfolios with "and" are one title
    ("The plan was unveiled by the Trade and Industry Secretary Nora Pym.", "Nora Pym", "Trade and Industry Secretary", None),
    ("Work and Pensions Secretary Owen Hale said the reforms were needed.", "Owen Hale", "Work and Pensions Secretary", None),
    # letters after the name are not part of it; an MP is a role
    ("Paul Renn MP, Labour's Chief Secretary to the Treasury, said the sums did not add up.", "Paul Renn", "MP", None),
    ("Paul Renn MP, Labour's Chief Secretary to the Treasury, said the sums did not add up.", "Paul Renn", "Chief Secretary to the Treasury", "Labour Party"),
    ("Judge Colin Hart QC made his remarks as he sentenced the men.", "Colin Hart", "Judge", None),
    # a title ending in a modifier goes on to its noun
    ("Tim Ghriskey, chief investment officer of Solaris Asset Management, said shares would rise.",
     "Tim Ghriskey", "chief investment officer", "Solaris Asset Management"),
    # a surname the model left out of the entity
    ("Deputy Chief Constable Sue Fish said crime fell.", "Sue Fish", "Deputy Chief Constable", None),
    # the one a new holder succeeds held the office
    ("Party members will pick a leader to succeed Tom Hale as prime minister.", "Tom Hale", "prime minister", None),
    # an ordinal says which holder, not which office; "First Minister" stays a title
    ("Ms Kerr, the Bank of England's first governor from abroad, spoke first.", "Kerr", "governor", "Bank of England"),
    ("First Minister Ann Rhys opened the debate.", "Ann Rhys", "First Minister", None),
    # a one-word body that is no ordinary word, at the start of a sentence
    ("Ofgem chief executive Jo Pryce said bills would rise.", "Jo Pryce", "chief executive", "Ofgem"),
    ("Mia Stone, the senior civil servant leading the review, reported on Friday.", "Mia Stone", "senior civil servant", None),
    # the subject of a relative clause with "as"; a body named by a year, after a possessor
    ("Tom Hale, who replaced Ms Rhys as chancellor last week, cut the budget.", "Tom Hale", "chancellor", None),
    ("Ann Price, the chairman of the party's 1922 Committee, said a vote was due.", "Ann Price", "chairman", "1922 Committee"),
    # "shortest-serving" says which holder
    ("Ann Rhys has become the shortest-serving prime minister in history.", "Ann Rhys", "prime minister", None),
    # a time before a title is no part of it
    ("Earlier this week Home Secretary Nora Pym announced the change.", "Nora Pym", "Home Secretary", None),
    # an office belongs to its body when the sentence links them, not when the body is named elsewhere
    ("The Information Commissioner's Office fined the firm. The ICO's head, Information Commissioner Ann Rhys, "
     "said customers had been let down.", "Ann Rhys", "Information Commissioner", "Information Commissioner's Office"),
    ("The ICO fined the firm. Ann Rhys, who leads the ICO as information commissioner, called it careless.",
     "Ann Rhys", "information commissioner", "Information Commissioner's Office"),
    ("The Home Office said so. Home Secretary Nora Pym announced the change.", "Nora Pym", "Home Secretary", None),
    ("He met the head of the civil service, Tom Reed, in May.", "Tom Reed", "head of the civil service", None),
    # a name the model took for a body or a nationality, after a title or in apposition to one
    ("Last month Environment Secretary Thérèse Coffey ordered a plan.", "Thérèse Coffey", "Environment Secretary", None),
    ("The Environment Secretary, Thérèse Coffey, told the firms to act.", "Thérèse Coffey", "Environment Secretary", None),
    ("Labour's shadow chancellor, Anneliese Dodds, blamed the government.", "Anneliese Dodds", "shadow chancellor",
     "Labour Party"),
    # a title with its portfolio before the name; "the agency" is the body called an agency
    ("The Environment Agency said so. The agency's director of water, Helen Wakeham, said it was sad.", "Helen Wakeham",
     "director of water", "Environment Agency"),
    ("The Environment Agency (EA) counted the spills. Rainfall was the highest in Met Office records. Helen Wakeham, "
     "the agency's director of water, said it was sad.", "Helen Wakeham", "director of water", "Environment Agency"),
    # a hyphenated surname is one word of the name; "the inquiry" is the inquiry named before
    ("The Harbour Fire Inquiry reported on Monday. Sir Alan Pryce-Jones, the inquiry's chairman, said the deaths "
     "were avoidable. Pryce-Jones said so again.", "Alan Pryce-Jones", "chairman", "Harbour Fire Inquiry"),
    # a club's officers; a name the model took for a body before or after a title
    ("The club said it would appeal. Its owner, Farhad Moshiri, first invested in Everton in 2016.", "Farhad Moshiri",
     "owner", "Everton"),
    ("The club, whose majority shareholder Farhad Moshiri has agreed to sell, said it would appeal.", "Farhad Moshiri",
     "majority shareholder", None),
    ("Forest said they were disappointed. Nuno Espírito Santo, the Forest manager, took charge in December.",
     "Nuno Espírito Santo", "manager", "Forest"),
    ("Forest lost four points, and Forest manager Nuno Espírito Santo faces a fight.", "Nuno Espírito Santo",
     "Forest manager", None),
    # a club's short form, in a text that names the club in full
    ("Nottingham Forest lost four points. Forest said they would appeal, and Forest manager Nuno Espírito Santo "
     "faces a fight.", "Nuno Espírito Santo", "manager", "Nottingham Forest"),
    # a title as the subject of "is" with the name as its complement
    ("Nottingham Forest lost four points. The club's owner is Evangelos Marinakis, who bought it in 2017.",
     "Evangelos Marinakis", "owner", "Nottingham Forest"),
    ("The Office for National Statistics published the data. The ONS's chief economist is Grant Fitzner.",
     "Grant Fitzner", "chief economist", "Office for National Statistics"),
    # ... also in a relative clause on the body ("whose TITLE is NAME"), with an honorific
    ("Citizens Advice, whose chief executive is Dame Clare Moriarty, said many people were behind with payments.",
     "Clare Moriarty", "chief executive", "Citizens Advice"),
    # two lower-case portfolios joined by "and" are one title
    ("The Financial Conduct Authority (FCA) brought the case. Mark Steward, the FCA's executive director of "
     "enforcement and market oversight, welcomed the sentence.", "Mark Steward",
     "executive director of enforcement and market oversight", "Financial Conduct Authority"),
    ("Jane Roe, head of policy and research at the Resolution Foundation, said the figures were grim.", "Jane Roe",
     "head of policy and research", "Resolution Foundation"),
    # a member of a body; a plural title two names share
    ("The Monetary Policy Committee (MPC) met. Ann Rhys, an external member of the committee, wanted a hold.",
     "Ann Rhys", "external member", "Monetary Policy Committee"),
    ("The Monetary Policy Committee (MPC) met. Ann Rhys and Tom Hale, both external members of the committee, "
     "wanted a larger cut.", "Ann Rhys", "external member", "Monetary Policy Committee"),
    ("The Monetary Policy Committee (MPC) met. Ann Rhys and Tom Hale, both external members of the committee, "
     "wanted a larger cut.", "Tom Hale", "external member", "Monetary Policy Committee"),
    # a water company's short form
    ("Ofwat fined Thames Water. Chris Weston, Thames's chief executive, is seeking investors.", "Chris Weston",
     "chief executive", "Thames Water"),
    # ", of BODY," after a title and name
    ("Detective Superintendent Mark Baker, of Merseyside Police, led the inquiry.", "Mark Baker",
     "Detective Superintendent", "Merseyside Police"),
    # a High Court judge's style, and a title in apposition before it
    ("Letby stayed in the cells. The judge, Mr Justice James Goss, said she had shown no remorse.", "James Goss",
     "judge", None),
    ("The sentencing judge, Mrs Justice Amanda Yip, said he had shown no remorse.", "Amanda Yip",
     "sentencing judge", None),
    # letters after the name before the closing comma; a body after "with"
    ("The prosecutor, Nick Johnson KC, had told the court the case was grave.", "Nick Johnson", "prosecutor", None),
    ("Pascale Jones, a prosecutor with the Crown Prosecution Service (CPS), said the trust was betrayed.",
     "Pascale Jones", "prosecutor", "Crown Prosecution Service"),
    # a first name the model left out after a title with a place
    ("The brigade was stretched, Mayor of London Sadiq Khan said.", "Sadiq Khan", "Mayor of London", None),
    # "its" is the body that was the subject, of a main clause first
    ("In a statement, Westford City Council called the notice necessary. Its leader, Tom Hale, blamed costs.",
     "Tom Hale", "leader", "Westford City Council"),
    ("Westford City Council has become the second council to go bust, after Eastley City Council issued a notice "
     "in May. Ann Rhys, its chief finance officer, issued the notice today.", "Ann Rhys", "chief finance officer",
     "Westford City Council"),
    ("Ofqual, which regulates exams, said results were fair. Ian Bauckham, its chief regulator, told journalists so.",
     "Ian Bauckham", "chief regulator", "Ofqual"),
    # a body's head word opening a title: the one such body of the article
    ("Westford City Council issued a notice. Council leader Tom Hale said tough decisions lay ahead.", "Tom Hale",
     "leader", "Westford City Council"),
    # a second apposition of a list
    ("Westford City Council met. Its leader, Tom Hale, and deputy leader, Ann Rhys, blamed costs.", "Ann Rhys",
     "deputy leader", None),
    # a verb that names the office
    ("Stephen Houghton, who chairs the Special Interest Group of Municipal Authorities, said councils struggled.",
     "Stephen Houghton", "chair", "Special Interest Group of Municipal Authorities"),
    # a party's short form
    ("Reform UK won the seat. Reform's leader, Nigel Farage, called it a huge night.", "Nigel Farage", "leader",
     "Reform UK"),
    # new offices: "becomes", "to become", "replaces X as", with the parser's "as" on the one replaced
    ("Ann Rhys, whom Mr Hale replaces, becomes Chief Whip.", "Ann Rhys", "chief whip", None),
    ("Ann Rhys moves from the Home Office to become Foreign Secretary.", "Ann Rhys", "foreign secretary", None),
    ("Tom Hale replaces Ian Murray as Scotland Secretary.", "Tom Hale", "scotland secretary", None),
    ("Tom Hale replaces Ian Murray as Scotland Secretary.", "Ian Murray", "scotland secretary", None),
    ("Tom Hale, who was Chief Whip, replaces Ann Rhys, who was sacked, as Commons leader.", "Tom Hale",
     "commons leader", None),
    # "until now" before a former office; an office as the possessor of the title
    ("Ann Rhys, until now Justice Secretary, takes over as Home Secretary.", "Ann Rhys", "home secretary", None),
    ("Ms Rhys referred herself to Sir Tom Hale, the Prime Minister's independent adviser on ministerial standards.",
     "Tom Hale", "independent adviser on ministerial standards", None),
    # "had been TITLE"; a bare title of the one body of the article that has it
    ("The BBC is without a director general. Tom Hale had been director general since 2020.", "Tom Hale",
     "director general", "BBC"),
    # "TITLE is NAME" with a name the model took for a body
    ("Ann Rhys becomes foreign secretary, and the new home secretary is Shabana Mahmood, previously at the "
     "Ministry of Justice.", "Shabana Mahmood", "home secretary", None),
    # two offices joined by "and" are two titles
    ("Ms Ann Rhys, deputy prime minister and housing secretary since 2024, resigned.", "Ann Rhys",
     "deputy prime minister", None),
    # of two parties, "the party's" is the one the sentence before was about
    ("Labour lost the seat to Reform UK. Labour said it would fight on, and Labour chose a new candidate. Reform "
     "also made big gains. Nigel Farage, the party's leader, said so.", "Nigel Farage", "leader", "Reform UK"),
    # a description a body of the article's name holds ("the brigade")
    ("London Fire Brigade was stretched. Jonathan Smith, an assistant commissioner at the brigade, said so.",
     "Jonathan Smith", "assistant commissioner", "London Fire Brigade"),
])
def test_role_patterns(nlp, text, name, title, organisation):
    _, officials, _ = _people(nlp, text)
    p = _one(officials, name)
    assert (title.lower(), organisation) in _roles(p)


def test_bare_title_takes_the_body_of_the_article(nlp):
    text = ("The Bank of England held interest rates on Thursday. Governor Ruth Ames said inflation was falling. "
            "Ms Ames added that the Bank would act if needed.")
    _, officials, _ = _people(nlp, text)
    ames = _one(officials, "Ruth Ames")
    assert (ames.title, ames.organisation) == ("Governor", "Bank of England")
    assert [m.text for m in ames.mentions if m.kind == "name"] == ["Ruth Ames", "Ames"]


def test_persons_without_roles_and_pronouns(nlp):
    text = "Daniel Pike, 34, was jailed for two years. He had admitted the offences. Judge Helen Moss said he had shown remorse."
    _, officials, persons = _people(nlp, text)
    pike = _one(persons, "Daniel Pike")
    assert not pike.is_official and pike.roles == []
    assert any(m.kind == "pronoun" and m.text == "He" for m in pike.mentions)
    moss = _one(officials, "Helen Moss")
    assert moss.title == "Judge"


def test_two_people_with_one_surname_fold_to_the_nearest(nlp):
    text = ("Governor Andrew Ellis of the Bank of England spoke first. Chief Constable Sarah Ellis of Kent Police spoke later. "
            "Ms Ellis said crime had fallen.")
    _, officials, _ = _people(nlp, text)
    sarah = _one(officials, "Sarah Ellis")
    assert len([m for m in sarah.mentions if m.kind == "name"]) == 2
    andrew = _one(officials, "Andrew Ellis")
    assert len([m for m in andrew.mentions if m.kind == "name"]) == 1


def test_title_words_before_an_honorific_are_not_the_name(nlp):
    _, officials, persons = _people(nlp, "The party repaid the loan to Tory Treasurer Lord Fenwick last year.")
    names = [p.name for p in officials + persons]
    assert "Fenwick" in names and not any("Treasurer" in n or "Tory" in n for n in names)


def test_a_single_office_is_not_tied_to_the_last_person_named(nlp):
    text = ("The party repaid the loan to Lord Fenwick after he predicted a defeat. "
            "The prime minister said Labour would win the election.")
    _, officials, persons = _people(nlp, text)
    fenwick = _one(officials + persons, "Fenwick")
    assert "prime minister" not in {(r.title or "").lower() for r in fenwick.roles}


def test_a_portfolio_is_not_an_organisation(nlp):
    doc = nlp("The plan was unveiled by the Trade and Industry Secretary Nora Pym.")
    assert [o.name for o in extensions.get_records(doc, "organisations")] == []


def test_a_party_word_is_not_part_of_the_name(nlp):
    _, officials, persons = _people(nlp, "Tory David Heathcoat Amory said the system was folly.")
    assert [p.name for p in officials + persons] == ["David Heathcoat Amory"]


@pytest.mark.parametrize("text,not_a_person", [
    ("Campaigners said the rivers were still being used as sewers.", "Campaigners"),
    ("The company's chief executive, Acme Holdings, said profits rose.", "Acme Holdings"),
    ("The firm polluted rivers in Kent, Hampshire and West Sussex. Shellfish beds in north Kent were found to be "
     "contaminated, the judge said.", "Kent"),
])
def test_plural_nouns_and_places_are_no_persons(nlp, text, not_a_person):
    _, officials, persons = _people(nlp, text)
    assert not_a_person not in [p.name for p in officials + persons]


def test_a_law_after_a_title_word_is_no_person(nlp):
    _, officials, persons = _people(nlp, "The watchdog acted under the General Data Protection Regulation, which allows "
                                         "fines of up to 4% of turnover.")
    assert officials + persons == []


def test_a_generic_title_is_not_given_to_another_company(nlp):
    text = ("Google's profits rose in the quarter. Separately, Time Warner said its film division lost money. "
            '"We are confident," said chief executive Ray Dunn.')
    _, officials, _ = _people(nlp, text)
    dunn = _one(officials, "Ray Dunn")
    assert (dunn.title.lower(), dunn.organisation) == ("chief executive", None)


def test_a_single_office_goes_to_the_subject_named_before(nlp):
    text = ('Tony Blair is urging European leaders to wake up. "America has spoken," the prime minister said '
            "in an interview.")
    doc, officials, _ = _people(nlp, text)
    blair = _one(officials, "Tony Blair")
    assert "prime minister" in {(r.title or "").lower() for r in blair.roles}
    assert [q.speaker for q in extensions.get_records(doc, "quotes")] == ["Tony Blair"]


@pytest.mark.parametrize("text,name,title,organisation", [
    # a party adjective before the title names the party
    ("As Tory leader Michael Howard kicked off his campaign, the Lib Dem leader Charles Kennedy dismissed the Conservatives.",
     "Michael Howard", "leader", "Conservative Party"),
    ("Labour MP Anne Campbell said she would resign.", "Anne Campbell", "MP", "Labour Party"),
    # "ex-" is not part of the body's name; a hyphenated place stays whole
    ("Ex-Welsh Office Minister Lord Roberts denied it.", "Roberts", "Minister", "Welsh Office"),
    ("Boris Johnson, MP for Henley-on-Thames, said the row would pass.", "Boris Johnson", "MP for Henley-on-Thames", None),
])
def test_party_and_place_in_titles(nlp, text, name, title, organisation):
    _, officials, _ = _people(nlp, text)
    assert (title.lower(), organisation) in _roles(_one(officials, name))


@pytest.mark.parametrize("text,name,organisation", [
    # a company's officer with no body in the phrase: the one company of the story...
    ("Northgate Oil made a record profit. Taxes went up, Labour said. The results were the first under chief "
     "executive Ann Price.", "Ann Price", "Northgate Oil"),
    # ... or the one it is about, named at least twice as often
    ("Northgate Oil made a record profit. Northgate Oil will raise its dividend, unlike Eastway Oil. Its finance "
     "chief, Tom Hale, said costs fell.", "Tom Hale", "Northgate Oil"),
])
def test_a_company_officer_takes_the_company_of_the_story(nlp, text, name, organisation):
    _, officials, _ = _people(nlp, text)
    assert _one(officials, name).organisation == organisation


def test_a_chair_is_not_given_to_the_company(nlp):
    text = ("The Treasury Committee questioned bankers on Tuesday. Barclays said its loans were safe. "
            "Ann Rhys, the chair, said the answers were poor.")
    _, officials, _ = _people(nlp, text)
    assert _one(officials, "Ann Rhys").organisation != "Barclays"


def test_a_single_office_is_not_given_to_someone_described_otherwise(nlp):
    text = ("The police opened the inquiry after Mia Stone, the senior civil servant leading the review, passed on "
            "papers.\n\nThe prime minister was fined in April.")
    _, officials, _ = _people(nlp, text)
    assert "prime minister" not in {(r.title or "").lower() for r in _one(officials, "Mia Stone").roles}


def test_a_description_is_not_given_to_someone_introduced_as_something_else(nlp):
    text = ("NatWest was fined on Wednesday.\n\nSentencing the bank on Monday, the judge cut the fine by a third. "
            "The customer, Fowler Oldfield, paid about £365m into its accounts at the bank.")
    _, officials, persons = _people(nlp, text)
    assert all("judge" not in {(r.title or "").lower() for r in p.roles} for p in officials + persons
               if p.name == "Fowler Oldfield")


def test_a_member_of_no_body_is_no_official(nlp):
    _, officials, _ = _people(nlp, "Jo Bloggs, a member of the public, said it was a shame.")
    assert "Jo Bloggs" not in [p.name for p in officials]


def test_a_description_before_a_styled_name_is_that_name_s(nlp):
    text = "Letby refused to leave the cells. The judge, Mr Justice James Goss, said she had shown no remorse."
    _, officials, persons = _people(nlp, text)
    assert all("judge" not in {(r.title or "").lower() for r in p.roles} for p in officials + persons
               if p.name == "Letby" or p.name.endswith("Letby"))
