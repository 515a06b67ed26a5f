"""Texts of the Learn page, in Dutch and English (Markdown).

In the spirit of NetLogo's Info tab: what it is, how it works (the weekly steps in
order and one short paragraph per mechanism with the research finding behind it),
how to use it, things to notice, things to try (each loads a named scenario on the
Explore page), extending the model, credits and how to cite. The quotes are from the
research (Veldboer & Hoijtink) as the model description ``docs/ODD.md`` cites them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """One section of the Learn page.

    Attributes:
        key: Identifier (used as the anchor and in tests).
        title_nl: Dutch heading.
        title_en: English heading.
        body_nl: Dutch text (Markdown).
        body_en: English text (Markdown).

    """

    key: str
    title_nl: str
    title_en: str
    body_nl: str
    body_en: str


@dataclass(frozen=True)
class Try:
    """One thing to try: a named scenario and what to look for.

    Attributes:
        scenario: Name of the scenario the button loads on the Explore page.
        nl: What to do and notice (Dutch, Markdown).
        en: The same in English.

    """

    scenario: str
    nl: str
    en: str


WHAT = Section(
    "what", "Wat is het?", "What is it?",
    """\
Gemeenten willen dat wijkteamprofessionals (formeel) en informele partijen
(vrijwilligers, bewonersorganisaties, migrantenzelforganisaties) huishoudens in een
kwetsbare positie **samen** ondersteunen: *coproductie*. Het onderzoek van Veldboer en
Hoijtink (Hogeschool van Amsterdam) in Amsterdam (Oud-Noord, Slotervaart, De Baarsjes),
Hoorn en Purmerend vond vooral **co-existentie**: twee parallelle werelden, met
contact via intermediairs zoals vrijwilligerscoördinatoren.

> "Waar coproductie door beleidsmakers werd gehoopt en verwacht, overheerst 'op de
> werkvloer' vaak co-existentie: twee tamelijk los van elkaar opererende parallelle
> werelden."

Het onderzoek verklaart dat met wij-zij-denken en drie bronnen daarvan, de **drie o's**:
*onbekendheid*, *onenigheid* en *onbestemdheid* (onduidelijke einddoelen). Dit model
(agent-based, één stap is één week, één wijk) laat zien hoe die drie o's samen met
identiteit bepalen of een casus in co-existentie, via een intermediair of in
coproductie eindigt, en wat de interventies uit het onderzoek daaraan kunnen
veranderen.""",
    """\
Municipalities want wijkteam professionals (formal) and informal parties (volunteers,
residents' organisations, migrant self-organisations) to support households in a
vulnerable position **together**: *co-production*. The research of Veldboer and
Hoijtink (Amsterdam University of Applied Sciences) in Amsterdam (Oud-Noord,
Slotervaart, De Baarsjes), Hoorn and Purmerend found mostly **co-existence**: two
parallel worlds, with contact through intermediaries such as volunteer coordinators.

> "Where policymakers hoped for and expected co-production, co-existence often prevails
> on the work floor: two parallel worlds operating rather separately from each other."

The research explains this with us-them thinking and its three sources, the **three
o's**: *onbekendheid* (unfamiliarity), *onenigheid* (disagreement) and *onbestemdheid*
(unclear end goals). This model (agent-based, one step is one week, one neighbourhood)
shows how the three o's together with identity decide whether a case ends up in
co-existence, intermediated or in co-production, and what the interventions of the
research can change about that.""")

STEPS = Section(
    "steps", "Hoe werkt het? Eén week in negen stappen", "How it works: one week in nine steps",
    """\
1. **Hulpvragen ontstaan en groeien.** Huishoudens krijgen een probleem; zonder genoeg
   steun wordt het zwaarder, met steun lichter.
2. **Hulpvragen komen boven.** Een huishouden meldt zich bij het wijkteam (als het de
   professionals vertrouwt) of wordt bereikt door een informele contactpersoon (een
   *stil* probleem). De nieuwe casus krijgt een route: alleen formeel, alleen informeel,
   co-existentie, via een intermediair of coproductie.
3. **Doorverwijzen en opschalen.** Informele helpers verwijzen casussen door die te zwaar
   worden; wordt het te erg, dan volgt een te late opschaling.
4. **Samenwerken.** Wie rechtstreeks samenwerkt heeft contact en kan botsen; wie langs
   elkaar heen werkt, ontdekt elkaar soms.
5. **Casussen sluiten.** Opgeloste casussen sluiten; professionals sluiten soms af
   terwijl de informele hulp doorgaat; informele hulp stopt soms.
6. **Ontmoeten.** Professionals met tijd doen communitywork; in de weken waarin ze
   gepland zijn, vinden een wijktafel en een casusreflectie plaats.
7. **Identiteit.** Goede en slechte contacten van de week veranderen de waardering voor
   de andere kant; onduidelijke doelen en de druk tot hybridisering voeden wij-zij-denken.
8. **Banden.** Bekendheid groeit met contact en slijt zonder.
9. **Meten.** De wekelijkse meters (vormen, de drie o's, waardering) worden bijgehouden.""",
    """\
1. **Needs arise and grow.** Households get a problem; without enough support it gets
   heavier, with support lighter.
2. **Needs surface.** A household turns to the wijkteam (if it trusts professionals) or
   is reached by an informal contact (a *silent* problem). The new case gets a route:
   formal only, informal only, co-existence, intermediated or co-production.
3. **Refer and escalate.** Informal helpers refer cases that become too heavy; if it
   gets too bad, a late escalation follows.
4. **Work together.** Those working directly together have contact and may clash; those
   working side by side sometimes discover each other.
5. **Close cases.** Solved cases close; professionals sometimes close while informal
   help goes on; informal help sometimes stops.
6. **Meet.** Professionals with time do community work; in the weeks they are scheduled,
   a wijktafel and a case reflection session take place.
7. **Identity.** The week's good and bad contacts change the regard for the other side;
   unclear goals and the push for hybridisation feed us-them thinking.
8. **Ties.** Familiarity grows with contact and fades without.
9. **Measure.** The weekly gauges (modes, the three o's, regard) are recorded.""")

MECHANISMS = Section(
    "mechanisms", "De mechanismen en het onderzoek erachter",
    "The mechanisms and the research behind them",
    """\
**Band tussen twee actoren.** Of een professional en een informele actor rechtstreeks
samenwerken hangt af van hun band: bekendheid × (1 − onenigheid) × (1 − de helft van de
onbestemdheid) × wederzijdse waardering × tijd van de professional × culturele
aansluiting. Omdat de factoren vermenigvuldigen, is een band alleen sterk als alle o's
tegelijk zijn aangepakt. *"Partijen hebben niet het idee er samen in te staan."*

**Onbekendheid.** Partijen kennen elkaar vaak maar oppervlakkig, vaak via één oud
persoonlijk contact. Bekendheid groeit met contact (teamoverleg, casussen, wijktafels)
en slijt zonder, sneller in een anonieme stad. *"Hoewel er dus veel wordt gesproken over
samenwerking kennen beide partijen elkaar vaak maar oppervlakkig."*

**Wijktafels.** Coördinatoren organiseren netwerkbijeenkomsten. Wie komt, hangt af van de
aantrekkelijkheid voor elke kant, tijd, en voor migrantenorganisaties de
cultuursensitiviteit van de opzet. *"Onbekend maakt immers onbemind"*, maar de
ontmoetingen *"moeten voor beiden partijen aantrekkelijker worden gemaakt om te komen."*

**Onenigheid.** Elke actor heeft twee logica's: welke kennis telt (ervaringskennis of
geformaliseerde kennis) en hoeveel informele partijen moeten dragen. Het verschil is de
onenigheid; bij samenwerken kan het botsen. *"Botsende normatieve logica's ... lijken
vaak onuitgesproken te blijven."*

**Casusreflectie.** In een veilige, begeleide sessie schuiven de logica's van de
deelnemers naar elkaar toe en groeit erkenning; een onveilige sessie doet pijn. Getrainde
coördinatoren maken de sessie veiliger. *"Door partijen zich in elkaar te laten
verplaatsen (via 'sociale reflectie') komt er meer inzicht in elkaars wereld."*

**Onbestemdheid.** De gemeente kiest een hybridiseringsmodel (toegankelijkheid,
toegankelijkheid-plus, civil society, civil society zonder sturing, of geen). Hoe minder
helder, en hoe verder het gevraagde van wat iemand wil of kan (geen tijd, stille civil
society), hoe groter de onzekerheid. *"Onduidelijkheid over 'de' bestemming blijkt vaak een
katalysator voor ongemakkelijke gevoelens."*

**Wij-zij en identiteit.** Slechte contacten (een doorverwijzing die niet serieus wordt
genomen, instrumentalisering, te late opschaling, afsluiten terwijl de vrijwilliger
doorgaat) wegen zwaarder dan goede. De oproep tot hybridisering zelf kan, bij onduidelijke
doelen, de eigen identiteit bedreigen. *"Juist het gevoel van aantasting voedt
contrasterend wij-zij denken."*

**Routes van een casus.** Een professional die informele hulp inschakelt, kiest liefst
een geformaliseerde vrijwilliger, rechtstreeks als de band sterk is, anders via een
coördinator, of schuift de casus door zonder contact (*"uitbesteed werk"*). Informele
partijen willen *"serieus genomen worden als zij omgekeerd iemand doorverwijzen."*

**Capaciteit.** Een volle caseload laat geen tijd voor contact of communitywork; hybride
werkers combineren casework en communitywork. *"Een te zware caseload, en geen tijd om
... door de buurt te struinen."*""",
    """\
**A tie between two actors.** Whether a professional and an informal actor work
directly together depends on their link: familiarity × (1 − disagreement) × (1 − half
the goal uncertainty) × mutual regard × the professional's time × cultural fit. Because
the factors multiply, a link is strong only when all o's are addressed at once. *"The
parties do not feel they are in it together."*

**Unfamiliarity.** The sides often know each other only superficially, often through
one old personal contact. Familiarity grows with contact (team meetings, cases,
wijktafels) and fades without, faster in an anonymous city. *"Although there is much
talk of cooperation, both parties often know each other only superficially."*

**Wijktafels.** Coordinators organise network meetings. Who comes depends on how
attractive they are for each side, on time, and for migrant organisations on the
cultural sensitivity of the format. *"Unknown is unloved"*, but the meetings *"must be
made more attractive for both parties to come."*

**Disagreement.** Every actor has two logics: which knowledge counts (experiential or
formalised) and how much informal parties should carry. The difference is the
disagreement; in joint work it can clash. *"Clashing normative logics ... mostly seem to
remain unspoken."*

**Case reflection.** In a safe, facilitated session the participants' logics move
towards each other and recognition grows; an unsafe session hurts. Trained coordinators
make the session safer. *"By letting parties put themselves in each other's position
(through 'social reflection') more insight into each other's world arises."*

**Unclear goals.** The municipality chooses a hybridisation model (accessibility,
accessibility-plus, civil society, civil society without steering, or none). The less
clear it is, and the further what is asked lies from what someone wants or can do (no
time, a quiet civil society), the larger the uncertainty. *"Unclarity about 'the'
destination often turns out to be a catalyst for uneasy feelings."*

**Us-them and identity.** Bad contacts (a referral not taken seriously,
instrumentalisation, a late escalation, closing a case while the volunteer carries on)
weigh more than good ones. The call for hybridisation itself can, with unclear goals,
threaten one's own identity. *"Precisely the feeling of being undermined feeds
contrasting us-them thinking."*

**Routes of a case.** A professional who involves informal help prefers a formalised
volunteer, directly if the link is strong, else through a coordinator, or pushes the case
on without contact (*"outsourced work"*). Informal parties want *"to be taken seriously
when they, conversely, refer someone."*

**Capacity.** A full caseload leaves no time for contact or community work; hybrid
workers combine casework and community work. *"Too heavy a caseload, and no time for ...
roaming the neighbourhood."*""")

USE = Section(
    "use", "Hoe gebruik je het?", "How to use it",
    """\
- **Verkennen**: kies links een scenario; de knoppen springen naar de waarden van dat
  scenario (een ● betekent: anders dan standaard). Druk op *Stap* (een week), *+1 jaar*
  of *Afspelen*. Een knop of de seed veranderen begint de wijk opnieuw in week 0; met
  dezelfde seed krijg je precies dezelfde run.
- Het **netwerk** toont wie wie kent: links het wijkteam, in het midden de coördinatoren,
  rechts vrijwilligers (bij hun coördinator) en bewonersorganisaties. Rode lijnen zijn
  formeel-informele banden.
- De **curven** tonen per week de vormen van de open casussen, de drie o's en de
  waardering voor de andere kant.
- **Vergelijken**: kies twee tot vier scenario's en het aantal herhalingen; elk scenario
  draait met dezelfde seeds. Je ziet gemiddelden met 95%-intervallen, banden, en de
  gepaarde verschillen met het eerste scenario. Tabellen en figuren kun je downloaden.""",
    """\
- **Explore**: pick a scenario on the left; the levers jump to that scenario's values
  (a ● means: differs from the default). Press *Step* (one week), *+1 year* or *Play*.
  Changing a lever or the seed restarts the neighbourhood at week 0; the same seed gives
  exactly the same run.
- The **network** shows who knows whom: the wijkteam on the left, coordinators in the
  middle, volunteers (next to their coordinator) and residents' organisations on the
  right. Red lines are formal-informal ties.
- The **curves** show week by week the modes of the open cases, the three o's and the
  regard for the other side.
- **Compare**: pick two to four scenarios and the number of replicates; every scenario
  runs with the same seeds. You see means with 95 % intervals, bands, and the paired
  differences to the first scenario. Tables and figures can be downloaded.""")

NOTICE = Section(
    "notice", "Waar let je op?", "Things to notice",
    """\
- In de grote stad blijft **co-existentie** de meest voorkomende gezamenlijke vorm, en de
  samenwerking die er is loopt vooral **via coördinatoren**. In het netwerk zie je
  coördinatoren als brug, met weinig rode lijnen die er zelf bij komen.
- In een **kleinere stad** (meer vertrouwde banden, minder anonimiteit) is er bij
  hetzelfde beleid duidelijk meer coproductie, al blijft het weinig.
- **Wijktafels alleen** laten de bekendheid stijgen (de lichtblauwe lijn bij de drie o's),
  maar coproductie nauwelijks: onenigheid en onbestemdheid blijven de band verzwakken.
- Onder een **onduidelijk model** staat de onbestemdheid op 1: dat is geen fout, maar
  het punt van het onderzoek.
- Let op de **waardering**: slechte ervaringen wegen zwaarder dan goede, dus ze daalt
  makkelijker dan ze stijgt.
- Eén run is één mogelijke geschiedenis. Probeer een paar seeds, of gebruik
  *Vergelijken* voor uitspraken met onzekerheidsmarges.""",
    """\
- In the big city **co-existence** stays the most common joint mode, and the
  collaboration there is runs mostly **through coordinators**. In the network you see the
  coordinators as a bridge, with few new red lines of their own.
- In a **small town** (more trusted ties, less anonymity) the same policy gives clearly
  more co-production, though it stays small.
- **Wijktafels alone** raise familiarity (the light-blue line among the three o's), but hardly
  co-production: disagreement and unclear goals keep weakening the link.
- Under an **unclear model** goal uncertainty sits at 1: that is not a bug but the point
  of the research.
- Watch **regard**: bad experiences weigh more than good ones, so it falls more easily
  than it rises.
- One run is one possible history. Try a few seeds, or use *Compare* for statements with
  margins of uncertainty.""")

TRIES = (
    Try("city-baseline",
        "**Basis grote stad.** Speel vijf jaar af. Welke vorm overheerst? Hoeveel rode "
        "(formeel-informele) lijnen komen erbij?",
        "**City baseline.** Play five years. Which mode dominates? How many red "
        "(formal-informal) lines appear?"),
    Try("town-baseline",
        "**Kleinere stad.** Zelfde beleid, andere context. Vergelijk de coproductie en "
        "het netwerk met de grote stad.",
        "**Small town.** Same policy, another context. Compare co-production and the "
        "network with the big city."),
    Try("wijktafels",
        "**Wijktafels.** Kijk hoe de bekendheid stijgt. Stijgt de coproductie mee? Zet "
        "daarna de aantrekkelijkheid voor professionals hoger.",
        "**Wijktafels.** Watch familiarity rise. Does co-production follow? Then raise "
        "the attractiveness for professionals."),
    Try("combined-package",
        "**Alle drie de o's.** Wijktafels, veilige casusreflectie met getrainde "
        "voorzitters en een helder model tegelijk. Wat gebeurt er met de band?",
        "**All three o's.** Wijktafels, safe case reflection with trained chairs and a "
        "clear model at once. What happens to the link?"),
    Try("no-governance",
        "**Civil society zonder sturing.** Volg de onbestemdheid en de informele inzet "
        "bij een stille civil society. Zet daarna de actieve civil society hoger.",
        "**Civil society without steering.** Follow goal uncertainty and informal "
        "uptake in a quiet civil society. Then raise civic activity."),
    Try("caseload-relief",
        "**Lagere caseload.** Professionals krijgen tijd voor contact. Is tijd genoeg "
        "zonder iets aan de andere o's te doen?",
        "**Caseload relief.** Professionals get time for contact. Is time enough without "
        "addressing the other o's?"),
)

EXTEND = Section(
    "extend", "Het model uitbreiden", "Extending the model",
    """\
- Een nieuw scenario is een TOML-bestand in `scenarios/` met knoppen uit
  `samenspel params`; het verschijnt vanzelf in de keuzelijsten.
- Een nieuwe knop declareer je één keer in `model/params.py`; het dashboard maakt er
  automatisch een schuif of keuzelijst van, in de groep die je opgeeft.
- Elk mechanisme staat in een eigen module onder `model/`, beschreven in
  `docs/ODD.md` met het citaat waarop het rust. Ideeën: ervaringsdeskundigen als eigen
  soort actor, meerdere wijken met uitwisseling, of leren van professionals over tijd.
- Voor veel runs: `samenspel compare`, `samenspel sweep` en `samenspel analyse`.""",
    """\
- A new scenario is a TOML file in `scenarios/` with levers from `samenspel params`; it
  appears in the pick lists by itself.
- A new lever is declared once in `model/params.py`; the dashboard turns it into a
  slider or a pick list automatically, in the group you give it.
- Every mechanism lives in its own module under `model/`, described in `docs/ODD.md`
  with the quote it rests on. Ideas: experts by experience as their own kind of actor,
  several neighbourhoods with exchange, or professionals learning over time.
- For many runs: `samenspel compare`, `samenspel sweep` and `samenspel analyse`.""")

CREDITS = Section(
    "credits", "Verantwoording en citeren", "Credits and how to cite",
    """\
Het model rust op het onderzoek van Lex Veldboer en Marc Hoijtink, *De moeizame
hybridisering van het sociale domein* (slotbeschouwing, Werkplaats Sociaal Domein
Amsterdam en Omgeving, Hogeschool van Amsterdam), en het artikel *Hybridisering van
wijkteams en vrijwilligersinitiatieven lijkt nog ver weg*. Alle getallen in het model zijn
aannames: het onderzoek is kwalitatief (157 interviews en een Q-studie onder 113
professionals). Het model laat mechanismen zien, geen voorspellingen voor een bepaalde wijk.

Gebouwd met [Mesa](https://mesa.readthedocs.io) en [Solara](https://solara.dev).
Citeren: *samenspel: een agent-based model van samenwerking tussen wijkteams en
informele partijen* (versie 0.1.0), met een verwijzing naar het onderzoek hierboven en
naar de modelbeschrijving `docs/ODD.md`.""",
    """\
The model rests on the research of Lex Veldboer and Marc Hoijtink, *De moeizame
hybridisering van het sociale domein* (concluding chapter, Werkplaats Sociaal Domein
Amsterdam en Omgeving, Amsterdam University of Applied Sciences), and the article
*Hybridisering van wijkteams en vrijwilligersinitiatieven lijkt nog ver weg*. Every
number in the model is an assumption: the research is qualitative (157 interviews and a
Q-study among 113 professionals). The model shows mechanisms, not forecasts for a
particular neighbourhood.

Built with [Mesa](https://mesa.readthedocs.io) and [Solara](https://solara.dev). To
cite: *samenspel: an agent-based model of cooperation between wijkteams and informal
parties* (version 0.1.0), with a reference to the research above and to the model
description `docs/ODD.md`.""")

SECTIONS_BEFORE_TRIES = (WHAT, STEPS, MECHANISMS, USE, NOTICE)
SECTIONS_AFTER_TRIES = (EXTEND, CREDITS)
