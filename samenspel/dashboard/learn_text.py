"""Texts of the Learn page, in Dutch and English (Markdown).

In the spirit of NetLogo's Info tab: what it is, how it works (the weekly steps in
order and one short paragraph per mechanism with the research finding behind it),
how to use it, things to notice, things to try (each loads a named scenario on the
Explore page), extending the model, credits and how to cite. The quotes are from the
research (Veldboer & Hoijtink) as the model description ``docs/ODD.md`` cites them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._version import __version__


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
    "what",
    "Wat is het?",
    "What is it?",
    """\
Gemeenten willen dat wijkteamprofessionals (formeel) en informele partijen
(vrijwilligers, bewonersorganisaties, migrantenzelforganisaties) huishoudens in een
kwetsbare positie **samen** ondersteunen: *coproductie*. Het onderzoek van Veldboer en
Hoijtink (Hogeschool van Amsterdam) in Amsterdam (Oud-Noord, Slotervaart, De Baarsjes),
Hoorn en Purmerend vond vooral **co-existentie**: twee parallelle werelden, met
contact via intermediairs zoals vrijwilligerscoördinatoren.

> "Waar coproductie door beleidsmakers werd gehoopt en verwacht, overheerst ‘op de
> werkvloer’ vaak co-existentie: twee tamelijk los van elkaar opererende parallelle
> werelden."

Het onderzoek verklaart dat met wij-zij-denken en drie bronnen daarvan, de **drie o's**:
*onbekendheid*, *onenigheid* en *onbestemdheid* (onduidelijke einddoelen). Dit model
(agent-based, één stap is één week, één wijk) laat zien hoe die drie o's samen met
identiteit bepalen of een casus in co-existentie, via een intermediair of in
coproductie eindigt, wat de interventies uit het onderzoek daaraan kunnen veranderen, en
wat huishoudens daaraan hebben.""",
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
co-existence, intermediated or in co-production, what the interventions of the research
can change about that, and what households get out of it.""",
)

STEPS = Section(
    "steps",
    "Hoe werkt het? Eén week in elf stappen",
    "How it works: one week in eleven steps",
    """\
1. **Beleid.** Staat er voor deze week een beleidswijziging gepland (bijvoorbeeld het
   einde van een pilot), dan gaat die nu in.
2. **De week bekijken.** Voor iedereen wordt één keer berekend wat de beslissingen van
   deze week nodig hebben: de wij-zij-afstand, de rol waarnaar men handelt, tot hoe zwaar
   een informele helper een casus zelf draagt, de tijd van professionals, en de sterkte
   van elke formeel-informele band.
3. **Hulpvragen ontstaan en groeien.** Huishoudens krijgen een probleem; zonder genoeg
   steun wordt het zwaarder, met steun (van professionals, informele helpers en de eigen
   kring) lichter.
4. **Hulpvragen komen boven.** Een huishouden meldt zich bij het wijkteam (als het de
   professionals vertrouwt, of in een crisis) of wordt bereikt door een informele
   contactpersoon (een *stil* probleem). De nieuwe casus krijgt een route.
5. **Doorverwijzen en opschalen.** Een informele helper verwijst een casus door die boven
   zijn grens groeit (rechtstreeks of via een coördinator) en kan het na een afwijzing
   opnieuw proberen; een begeleid huishouden gaat soms zelf; wordt het te erg, dan volgt
   een te late opschaling.
6. **Samenwerken.** Wie rechtstreeks samenwerkt heeft contact, meestal goed, soms slecht;
   logica's kunnen botsen; coördinatoren stellen helpers aan elkaar voor; wie langs
   elkaar heen werkt, ontdekt elkaar soms.
7. **Casussen sluiten.** Opgeloste casussen sluiten (een gezamenlijk succes in direct
   contact is voor beiden een goede ervaring); professionals sluiten soms af terwijl de
   informele hulp doorgaat; informele hulp stopt soms.
8. **Ontmoeten.** Professionals met tijd doen communitywork; in de weken waarin ze
   gepland zijn, vinden een wijktafel en een casusreflectie plaats.
9. **Identiteit.** Goede en slechte contacten van de week veranderen waardering en
   identificatie; erkenning vervaagt langzaam; onbestemdheid wordt opnieuw bepaald; de
   gevoelde dreiging beweegt mee met de druk.
10. **Banden.** Bekendheid groeit met contact en slijt zonder; het netwerk volgt de sterke
    banden.
11. **Meten.** De wekelijkse meters (vormen, de drie o's, wij-zij) worden bijgehouden.""",
    """\
1. **Policy.** If a policy change is scheduled for this week (for example the end of a
   pilot), it takes effect now.
2. **View the week.** What this week's decisions need is computed once for everyone: the
   us-them distance, the role one acts on, how heavy a case an informal helper carries
   itself, professionals' time, and the strength of every formal-informal link.
3. **Needs arise and grow.** Households get a problem; without enough support it gets
   heavier, with support (from professionals, informal helpers and the own circle)
   lighter.
4. **Needs surface.** A household turns to the wijkteam (if it trusts professionals, or in
   a crisis) or is reached by an informal contact (a *silent* problem). The new case gets
   a route.
5. **Refer and escalate.** An informal helper refers a case that grows beyond its limit
   (directly or through a coordinator) and may try again after a dismissal; a guided
   household sometimes goes itself; if it gets too bad, a late escalation follows.
6. **Work together.** Those working directly together have contact, mostly good,
   sometimes bad; logics may clash; coordinators introduce helpers to each other; those
   working side by side sometimes discover each other.
7. **Close cases.** Solved cases close (a joint success in direct contact is a good
   experience for both); professionals sometimes close while informal help goes on;
   informal help sometimes stops.
8. **Meet.** Professionals with time do community work; in the weeks they are scheduled,
   a wijktafel and a case reflection session take place.
9. **Identity.** The week's good and bad contacts change regard and identification;
   recognition slowly fades; goal uncertainty is recomputed; felt threat moves with the
   pressure.
10. **Ties.** Familiarity grows with contact and fades without; the network follows the
    strong ties.
11. **Measure.** The weekly gauges (modes, the three o's, us-them) are recorded.""",
)

MECHANISMS = Section(
    "mechanisms",
    "De mechanismen en het onderzoek erachter",
    "The mechanisms and the research behind them",
    """\
**De band tussen twee actoren.** Of een professional en een informele actor rechtstreeks
samenwerken, hangt af van hun band: bekendheid, maal wat de drempels ervan overlaten.
Elke drempel haalt er hoogstens een deel af: gevoelde onenigheid (verzacht door
erkenning), onbestemdheid, wij-zij-afstand, gebrek aan tijd bij de professional en, voor
migrantenorganisaties, gebrek aan cultuursensitiviteit. Wie elkaar niet kent, werkt niet
samen; wie elkaar goed kent, alleen als de andere drempels laag zijn. *"Partijen hebben
niet het idee er samen in te staan."*

**Onbekendheid.** Partijen kennen elkaar vaak maar oppervlakkig, via één oude klik.
Bekendheid groeit met contact (casussen, doorverwijzingen, wijktafels, communitywork) en
slijt zonder, sneller in een anonieme stad. Een professional vraagt een coördinator om
hulp met een kans gelijk aan hoe goed ze elkaar kennen: geen drempel, iemand een beetje
kennen geeft een kleine kans. *"Hoewel er dus veel wordt gesproken over samenwerking
kennen beide partijen elkaar vaak maar oppervlakkig."*

**Wijktafels.** Coördinatoren organiseren netwerkbijeenkomsten. Wie komt, hangt af van de
aantrekkelijkheid voor elke kant, van tijd, voor migrantenorganisaties van de
cultuursensitiviteit van de opzet, en van de wij-zij-afstand: wie afstand houdt, blijft
weg. Een getrainde voorzitter maakt de ontmoetingen vaker prettig. *"Onbekend maakt
immers onbemind"*, maar de ontmoetingen *"moeten voor beiden partijen aantrekkelijker
worden gemaakt om te komen."*

**Wij-zij-afstand.** Identificatie met de eigen groep maal gebrek aan waardering voor de
andere kant. Die afstand stuurt vier beslissingen: of een professional een
doorverwijzing serieus neemt, of iemand naar een wijktafel komt, of helpers op een
gedeelde casus direct contact zoeken, en of een professional een casus zonder contact
doorschuift naar vrijwilligers. *"Men wil zich daarom onderscheiden en zet zich af tegen
de andere partij."*

**Contact: goed en slecht.** Gewoon contact met de andere kant is meestal positief, maar
een slechte ervaring weegt zwaarder dan een goede. Waardering beweegt alleen met
ervaring. Succes kweekt vertrouwen: een casus die goed afloopt terwijl beide helpers
direct contact hadden, is voor beiden een goede ervaring. Mislukking kweekt afstand: een
afgewezen doorverwijzing, instrumentalisering, een te late opschaling, een onuitgesproken
botsing, afsluiten terwijl de vrijwilliger doorgaat. *"Deze 'devaluerende' beelden over
en weer gingen tijdens de interviews veelvuldig over tafel en bemoeilijken
hybridisering."*

**Dreiging.** De gevoelde dreiging volgt de druk van het moment: de oproep tot
hybridisering bij onduidelijke doelen, en voor informele partijen casussen die op hen
worden afgeschoven. Dreiging versterkt de identificatie met de eigen groep en verlaagt
de waardering zoals die nu gevoeld wordt; neemt de druk af, dan zakt ook de dreiging.
*"Juist het gevoel van aantasting voedt contrasterend wij-zij denken."*

**Onenigheid en botsingen.** Elke actor heeft twee logica's: welke kennis telt
(ervaringskennis of geformaliseerde kennis) en hoeveel informele partijen moeten dragen.
Op gedeelde casussen botsen ze soms, vaker naarmate ze verder uiteenliggen. Wie de
andere logica erkent, spreekt de botsing uit en komt tot een compromis (een goede
ervaring); anders blijft ze onuitgesproken: een slechte ervaring, en de helpers trekken
zich terug uit het directe contact. *"… deze lijken vaak onuitgesproken te blijven
waardoor juist het wij-zij-denken zich voortzet."*

**Casusreflectie.** Een veilige, begeleide sessie laat de deelnemers de andere logica
erkennen; de logica's zelf blijven verschillen (erkennen, niet gelijkmaken). Een onveilige
sessie doet pijn; getrainde coördinatoren maken haar veiliger. Zonder reflectie vervaagt
erkenning langzaam. *"Door partijen zich in elkaar te laten verplaatsen (via 'sociale
reflectie') komt er meer inzicht in elkaars wereld."*

**Onbestemdheid.** De gemeente kiest een hybridiseringsmodel (toegankelijkheid,
toegankelijkheid-plus, civil society, civil society zonder sturing, of geen). Zonder
model hoopt zij impliciet op een grote rol voor de civil society. Onbestemdheid is een
kwestie van gradatie: niet weten wat er verwacht wordt, plus de kloof tussen de gehoopte
rol en de rol die iemand wil en kan dragen (geen tijd, een stille civil society).
Helderheid trekt de rol waarnaar men handelt naar het model toe. *"Onduidelijkheid over
‘de’ bestemming blijkt vaak een katalysator voor ongemakkelijke gevoelens bij partijen
over hybridisering."*

**Routes en hulpbronnen.** Een professional die informele hulp inschakelt, kiest liefst
een geformaliseerde vrijwilliger, rechtstreeks als de band sterk is, anders via een
coördinator, of schuift de casus door zonder contact (*"uitbesteed werk"*). Een
huishouden kan meer hulpbronnen hebben: een tweede professional bij zware vragen, de
eigen contactpersoon ernaast, de eigen kring. Informele helpers verwijzen door als een
casus boven hun grens groeit en willen *"serieus genomen worden als zij omgekeerd iemand
doorverwijzen naar het professionele aanbod."*

**Geleidelijk, zonder knip.** Doorverwijzen, opschalen, afsluiten en een crisis hangen
geleidelijk af van de zwaarte (een vloeiende kans rond een grens), niet van een harde
drempel: geen route klapt om bij een kleine verandering.

**Capaciteit.** Een volle caseload laat geen tijd voor contact of communitywork; hybride
werkers combineren casework en communitywork. *"Ook wij signaleerden dat een grote
caseload het werken aan verbinding met informele partijen in de weg kan staan."*

**Beleid in de tijd.** Een scenario kan knoppen op een bepaalde week veranderen,
bijvoorbeeld een pilot van drie jaar die daarna stopt. Dan zie je of coproductie blijft
als het pakket verdwijnt: bekendheid slijt zonder contact en erkenning vervaagt.

**Wat huishoudens krijgen.** Het onderzoek vraagt of co-existentie met heldere rollen
goed genoeg kan zijn. Daarom meet het model ook wat huishoudens krijgen: onvervulde
nood (zwaarte maal weken), weken tot hulp, het aandeel opgeloste hulpvragen, te late
opschalingen en stille problemen die overblijven, voor migranten en niet-migranten
apart. *"Zou er ook gepleit kunnen worden voor het voortbestaan van co-existentie als
eindstation?"*

**Waarom werkte het?** Elk mechanisme kan uit (de groep *Mechanismen aan/uit* bij de
knoppen). `samenspel explain` draait een scenario en zijn basis opnieuw met telkens één
mechanisme uit en laat zien hoeveel van het effect elk mechanisme draagt.""",
    """\
**The link between two actors.** Whether a professional and an informal actor work
directly together depends on their link: familiarity, times what the barriers leave of
it. Each barrier takes off at most a part: felt disagreement (softened by recognition),
unclear goals, us-them distance, the professional's lack of time and, for migrant
organisations, a lack of cultural sensitivity. Those who do not know each other do not
work together; those who know each other well only when the other barriers are low.
*"The parties do not feel they are in it together."*

**Unfamiliarity.** The sides often know each other only superficially, through one old
personal click. Familiarity grows with contact (cases, referrals, wijktafels, community
work) and fades without, faster in an anonymous city. A professional asks a coordinator
for help with a chance equal to how well they know each other: no threshold, knowing
someone a little gives a small chance. *"Although there is much talk of cooperation, both
parties often know each other only superficially."*

**Wijktafels.** Coordinators organise network meetings. Who comes depends on how
attractive they are for each side, on time, for migrant organisations on the cultural
sensitivity of the format, and on the us-them distance: those who keep their distance
stay away. A trained chair makes the meetings pleasant more often. *"Unknown is
unloved"*, but the meetings *"must be made more attractive for both parties to come."*

**Us-them distance.** Identification with one's own group times a lack of regard for
the other side. This distance steers four decisions: whether a professional takes a
referral seriously, whether someone comes to a wijktafel, whether the helpers on a
shared case seek direct contact, and whether a professional pushes a case onto
volunteers without contact. *"They therefore want to distinguish themselves and set
themselves off against the other party."*

**Contact: good and bad.** Ordinary contact with the other side is mostly positive, but
a bad experience weighs more than a good one. Regard moves only with experience. Success
breeds trust: a case that ends well while both helpers were in direct contact is a good
experience for both. Failure breeds distance: a dismissed referral,
instrumentalisation, a late escalation, an unspoken clash, closing a case while the
volunteer carries on. *"These 'devaluing' images of each other came up often in the
interviews and make hybridisation harder."*

**Threat.** Felt threat follows the pressure of the moment: the call for hybridisation
under unclear goals, and for informal parties cases pushed onto them. Threat strengthens
identification with one's own group and lowers regard as it is felt now; when the
pressure eases, the threat subsides too. *"Precisely the feeling of being undermined
feeds contrasting us-them thinking."*

**Disagreement and clashes.** Every actor has two logics: which knowledge counts
(experiential or formalised) and how much informal parties should carry. On shared cases
they sometimes clash, more often the further apart they are. Those who recognise the
other logic voice the clash and reach a compromise (a good experience); otherwise it
stays unspoken: a bad experience, and the helpers withdraw from direct contact. *"These
seem to remain unspoken, so that us-them thinking continues."*

**Case reflection.** A safe, facilitated session lets the participants recognise the
other logic; the logics themselves stay different (acknowledged, not made the same). An
unsafe session hurts; trained coordinators make it safer. Without reflection,
recognition slowly fades. *"By letting parties put themselves in each other's position
(through 'social reflection') more insight into each other's world arises."*

**Unclear goals.** The municipality chooses a hybridisation model (accessibility,
accessibility-plus, civil society, civil society without steering, or none). Without a
model it implicitly hopes for a large community role. Goal uncertainty is a matter of
degree: not knowing what is expected, plus the gap between the hoped-for role and the
role someone wants and can carry (no time, a quiet civil society). Clarity pulls the role
one acts on towards the model. *"Unclarity about 'the' destination often turns out to be
a catalyst for uneasy feelings about hybridisation."*

**Routes and sources of help.** A professional who involves informal help prefers a
formalised volunteer, directly if the link is strong, else through a coordinator, or
pushes the case on without contact (*"outsourced work"*). A household can have several
sources of help: a second professional for heavy needs, its own contact alongside, its
own circle. Informal helpers refer when a case grows beyond their limit and want *"to be
taken seriously when they, conversely, refer someone to professional help."*

**Gradual, no knife-edge.** Referring, escalating, closing and a crisis depend gradually
on severity (a smooth chance around a level), not on a hard threshold: no route flips
with a small change.

**Capacity.** A full caseload leaves no time for contact or community work; hybrid
workers combine casework and community work. *"We too saw that a heavy caseload can stand
in the way of building connections with informal parties."*

**Policy over time.** A scenario can change levers at a given week, for example a
three-year pilot that then stops. Then you see whether co-production persists once the
package is gone: familiarity fades without contact and recognition wanes.

**What households get.** The research asks whether co-existence with clear roles might
be good enough. So the model also measures what households get: unmet need (severity
times weeks), weeks to help, the share of needs resolved, late escalations and silent
problems left, for migrant and other households separately. *"Could one also argue for
co-existence as the end station?"*

**Why did it work?** Every mechanism can be switched off (the group *Mechanisms on/off*
among the levers). `samenspel explain` reruns a scenario and its base with one mechanism
off at a time and shows how much of the effect each mechanism carries.""",
)

USE = Section(
    "use",
    "Hoe gebruik je het?",
    "How to use it",
    """\
- **Verkennen**: kies links een scenario; de knoppen springen naar de waarden van dat
  scenario (een ● betekent: anders dan standaard). Druk op *Stap* (een week), *+1 jaar*
  of *Afspelen*. Een knop of de seed veranderen begint de wijk opnieuw in week 0; met
  dezelfde seed krijg je precies dezelfde run.
- Het **netwerk** toont wie wie kent: links het wijkteam, in het midden de coördinatoren,
  rechts vrijwilligers (bij hun coördinator) en bewonersorganisaties. Rode lijnen zijn
  formeel-informele banden.
- De **curven** tonen per week de vormen van de open casussen, de drie o's en de
  waardering voor de andere kant (zoals die nu gevoeld wordt, dreiging inbegrepen).
- De knoppen van *Mechanismen aan/uit* zetten één mechanisme uit (bijvoorbeeld de
  wij-zij-sturing): zo zie je wat een effect draagt.
- Sommige scenario's veranderen knoppen tijdens de run (de pilot stopt in week 157);
  de beschrijving van het scenario zegt wanneer.
- **Vergelijken**: kies twee tot vier scenario's en het aantal herhalingen; elk scenario
  draait met dezelfde seeds. Je ziet gemiddelden met 95%-intervallen, ook voor wat
  huishoudens krijgen (onvervulde nood, weken tot hulp, opgeloste hulpvragen, stille
  problemen), banden, en de gepaarde verschillen met het eerste scenario. Tabellen en
  figuren kun je downloaden.""",
    """\
- **Explore**: pick a scenario on the left; the levers jump to that scenario's values
  (a ● means: differs from the default). Press *Step* (one week), *+1 year* or *Play*.
  Changing a lever or the seed restarts the neighbourhood at week 0; the same seed gives
  exactly the same run.
- The **network** shows who knows whom: the wijkteam on the left, coordinators in the
  middle, volunteers (next to their coordinator) and residents' organisations on the
  right. Red lines are formal-informal ties.
- The **curves** show week by week the modes of the open cases, the three o's and the
  regard for the other side (as felt now, threat included).
- The levers under *Mechanisms on/off* switch one mechanism off (for example us-them
  gating): that shows what carries an effect.
- Some scenarios change levers during the run (the pilot stops in week 157); the
  scenario's description says when.
- **Compare**: pick two to four scenarios and the number of replicates; every scenario
  runs with the same seeds. You see means with 95 % intervals, also for what households
  get (unmet need, weeks to help, needs resolved, silent problems), bands, and the paired
  differences to the first scenario. Tables and figures can be downloaded.""",
)

NOTICE = Section(
    "notice",
    "Waar let je op?",
    "Things to notice",
    """\
De getallen hieronder zijn gemiddelden over tien runs van vijf jaar (seeds 0 tot en met 9),
gemeten met `samenspel compare city-baseline town-baseline wijktafels case-reflection
combined-package pilot-package accessibility --replicates 10`.

- In de **grote stad** blijft **co-existentie** de meest voorkomende gezamenlijke vorm
  (22% van alle casussen, tegen 4% coproductie), en van de samenwerking die er is, loopt
  82% **via coördinatoren**. Informele partijen waarderen professionals minder (0,42)
  dan andersom (0,53).
- In een **kleinere stad** (meer vertrouwde banden, minder anonimiteit) geeft hetzelfde
  beleid bijna drie keer zoveel coproductie (10%), ruim vijf keer zoveel bekendheid, bijna de
  helft minder te late opschalingen, en toch blijft co-existentie de grootste
  gezamenlijke vorm.
- **Wijktafels alleen** maken de bekendheid bijna vijf keer zo groot (0,02 naar 0,10),
  maar coproductie stijgt nog geen procentpunt: wij-zij-afstand, onenigheid en
  onbestemdheid blijven de band verzwakken.
- **Casusreflectie** laat de erkenning groeien (0 naar 0,49) terwijl de logica's even ver
  uiteen blijven liggen (het verschil in logica's blijft 0,30: de balk *onenigheid* in
  *Vergelijken*); de *gevoelde* onenigheid (de grafiek *Onenigheid* in *Verkennen*)
  halveert. Onuitgesproken botsingen nemen af van 36 naar 23.
- Het **gecombineerde pakket** geeft 15% coproductie (ruim vier keer de basis) en in 7 van de
  10 runs een coproductie-regime; waardering stijgt aan beide kanten, onbestemdheid daalt
  van 0,71 naar 0,20.
- Onder een **onduidelijk model** is de onbestemdheid hoog (0,71) maar niet 1: ze hangt af
  van hoe ver de stille hoop van de gemeente afligt van wat iemand wil en kan.
- Als een **pilot stopt** (`pilot-package`, na drie jaar) slijten bekendheid en
  erkenning (bekendheid 0,30 in week 156, 0,20 in week 260; met het pakket 0,40).
  Coproductie blijft boven de basis, maar zakt, en in 6 van de 10 runs is het regime
  weer co-existentie.
- **Wat huishoudens krijgen** verschilt minder dan de vormen: de onvervulde nood daalt
  met het pakket van 11,5 naar 10,7 (zwaarte maal weken per huishouden), en met een
  helder toegankelijkheidsmodel, met weinig meer coproductie (5%), al naar 10,9.
  Migrantenhuishoudens houden meer onvervulde nood (12,5 tegen 10,6 in de basis) en
  winnen het meest bij het pakket.
- Eén run is één mogelijke geschiedenis. Probeer een paar seeds, of gebruik
  *Vergelijken* voor uitspraken met onzekerheidsmarges. *Vertel wat er gebeurde* (onder
  het netwerk) vertelt de gepauzeerde run als verhaal uit het gebeurtenissenlog: welke band
  tussen de twee werelden het eerst groeide, welke doorverwijzingen niet serieus werden
  genomen en waarom, waarom late opschalingen laat waren; de weekknop bij elke gebeurtenis
  markeert die week in de grafieken.""",
    """\
The numbers below are means over ten five-year runs (seeds 0 to 9), measured with
`samenspel compare city-baseline town-baseline wijktafels case-reflection
combined-package pilot-package accessibility --replicates 10`.

- In the **big city**, **co-existence** stays the most common joint mode (22 % of all
  cases, against 4 % co-production), and of the collaboration there is, 82 % runs
  **through coordinators**. Informal parties regard professionals less (0.42) than the
  other way round (0.53).
- In a **small town** (more trusted ties, less anonymity) the same policy gives almost
  three times as much co-production (10 %), more than five times the familiarity, almost half the
  late escalations, and still co-existence stays the largest joint mode.
- **Wijktafels alone** make familiarity almost five times larger (0.02 to 0.10), but
  co-production rises by less than one percentage point: us-them distance, disagreement and
  unclear goals keep weakening the link.
- **Case reflection** makes recognition grow (0 to 0.49) while the logics stay as far
  apart as they were (the difference of logics stays at 0.30: the *disagreement* bar on
  *Compare*); *felt* disagreement (the *Disagreement* chart on *Explore*) halves. Unspoken
  clashes fall from 36 to 23.
- The **combined package** gives 15 % co-production (more than four times the baseline) and a
  co-production regime in 7 of 10 runs; regard rises on both sides, goal uncertainty
  falls from 0.71 to 0.20.
- Under an **unclear model** goal uncertainty is high (0.71) but not 1: it depends on how
  far the municipality's tacit hope lies from what someone wants and can do.
- When a **pilot stops** (`pilot-package`, after three years) familiarity and
  recognition fade (familiarity 0.30 in week 156, 0.20 in week 260; 0.40 with the
  package kept). Co-production stays above the baseline but falls, and in 6 of 10 runs
  the regime is co-existence again.
- **What households get** differs less than the modes: unmet need falls with the package
  from 11.5 to 10.7 (severity times weeks per household), and with a clear accessibility
  model, with little more co-production (5 %), already to 10.9. Migrant households keep more unmet
  need (12.5 against 10.6 in the baseline) and gain most from the package.
- One run is one possible history. Try a few seeds, or use *Compare* for statements with
  margins of uncertainty. *Tell what happened* (under the network) tells the paused run
  as a story from its event log: which tie grew first across the two worlds, which
  referrals were dismissed and why, why late escalations were late; each event's week
  button marks it on the curves.""",
)

TRIES = (
    Try(
        "city-baseline",
        "**Basis grote stad.** Speel vijf jaar af. Welke vorm overheerst? Hoeveel rode "
        "(formeel-informele) lijnen komen erbij?",
        "**City baseline.** Play five years. Which mode dominates? How many red "
        "(formal-informal) lines appear?",
    ),
    Try(
        "town-baseline",
        "**Kleinere stad.** Zelfde beleid, andere context. Vergelijk de coproductie en "
        "het netwerk met de grote stad.",
        "**Small town.** Same policy, another context. Compare co-production and the "
        "network with the big city.",
    ),
    Try(
        "wijktafels",
        "**Wijktafels.** Kijk hoe de bekendheid stijgt. Stijgt de coproductie mee? Zet "
        "daarna de aantrekkelijkheid voor professionals hoger.",
        "**Wijktafels.** Watch familiarity rise. Does co-production follow? Then raise "
        "the attractiveness for professionals.",
    ),
    Try(
        "combined-package",
        "**Alle drie de o's.** Wijktafels, veilige casusreflectie met getrainde "
        "voorzitters en een helder model tegelijk. Wat gebeurt er met de band? Zet daarna "
        "bij *Mechanismen aan/uit* de wij-zij-sturing uit: wat blijft er over?",
        "**All three o's.** Wijktafels, safe case reflection with trained chairs and a "
        "clear model at once. What happens to the link? Then switch off us-them gating "
        "under *Mechanisms on/off*: what is left?",
    ),
    Try(
        "pilot-package",
        "**Pilot van drie jaar.** Hetzelfde pakket, maar na week 156 stoppen de "
        "wijktafels en de reflectie. Speel vijf jaar af en kijk naar de bekendheid en de "
        "coproductie na week 156. Blijft het samenspel, of drijven de werelden weer uit "
        "elkaar?",
        "**Three-year pilot.** The same package, but after week 156 the wijktafels and "
        "the reflection stop. Play five years and watch familiarity and co-production "
        "after week 156. Does the cooperation last, or do the worlds drift apart again?",
    ),
    Try(
        "accessibility",
        "**Co-existentie met heldere rollen?** Een expliciet toegankelijkheidsmodel: "
        "informele partijen zijn toeleiders. Vergelijk bij *Vergelijken* met de basis en "
        "het gecombineerde pakket op onvervulde nood, weken tot hulp en opgeloste "
        "hulpvragen. Is co-existentie met heldere rollen goed genoeg voor huishoudens?",
        "**Co-existence with clear roles?** An explicit accessibility model: informal "
        "parties are navigators. On *Compare*, set it beside the baseline and the "
        "combined package on unmet need, weeks to help and needs resolved. Is "
        "co-existence with clear roles good enough for households?",
    ),
    Try(
        "no-governance",
        "**Civil society zonder sturing.** Volg de onbestemdheid en de informele inzet "
        "bij een stille civil society. Zet daarna de actieve civil society hoger.",
        "**Civil society without steering.** Follow goal uncertainty and informal "
        "uptake in a quiet civil society. Then raise civic activity.",
    ),
    Try(
        "caseload-relief",
        "**Lagere caseload.** Professionals krijgen tijd voor contact. Is tijd genoeg "
        "zonder iets aan de andere o's te doen?",
        "**Caseload relief.** Professionals get time for contact. Is time enough without "
        "addressing the other o's?",
    ),
)

EXTEND = Section(
    "extend",
    "Het model uitbreiden",
    "Extending the model",
    """\
- Een nieuw scenario is een TOML-bestand in `scenarios/` met knoppen uit
  `samenspel params`; het verschijnt vanzelf in de keuzelijsten.
- Een scenario kan knoppen op een bepaalde week veranderen met `[[schedule]]`-tabellen
  (zie `scenarios/pilot-package.toml`).
- Een nieuwe knop declareer je één keer in `model/params.py`; het dashboard maakt er
  automatisch een schuif of keuzelijst van, in de groep die je opgeeft.
- Elk mechanisme staat in een eigen module onder `model/`, beschreven in
  `docs/ODD.md` met het citaat waarop het rust. Ideeën: ervaringsdeskundigen als eigen
  soort actor, meerdere wijken met uitwisseling, of leren van professionals over tijd.
- Voor veel runs: `samenspel compare`, `samenspel explain` (welk mechanisme draagt een
  effect), `samenspel sweep` en `samenspel analyse`.""",
    """\
- A new scenario is a TOML file in `scenarios/` with levers from `samenspel params`; it
  appears in the pick lists by itself.
- A scenario can change levers at a given week with `[[schedule]]` tables (see
  `scenarios/pilot-package.toml`).
- A new lever is declared once in `model/params.py`; the dashboard turns it into a
  slider or a pick list automatically, in the group you give it.
- Every mechanism lives in its own module under `model/`, described in `docs/ODD.md`
  with the quote it rests on. Ideas: experts by experience as their own kind of actor,
  several neighbourhoods with exchange, or professionals learning over time.
- For many runs: `samenspel compare`, `samenspel explain` (which mechanism carries an
  effect), `samenspel sweep` and `samenspel analyse`.""",
)

CREDITS = Section(
    "credits",
    "Verantwoording en citeren",
    "Credits and how to cite",
    """\
Het model rust op het onderzoek van Lex Veldboer en Marc Hoijtink, *De moeizame
hybridisering van het sociale domein* (slotbeschouwing, Werkplaats Sociaal Domein
Amsterdam en Omgeving, Hogeschool van Amsterdam), en het artikel *Hybridisering van
wijkteams en vrijwilligersinitiatieven lijkt nog ver weg*. Alle getallen in het model zijn
aannames: het onderzoek is kwalitatief (157 interviews en een Q-studie onder 113
professionals). Het model laat mechanismen zien, geen voorspellingen voor een bepaalde wijk.

Gebouwd met [Mesa](https://mesa.readthedocs.io) en [Solara](https://solara.dev).
Citeren: *samenspel: een agent-based model van samenwerking tussen wijkteams en
informele partijen* (versie """
    + __version__
    + """), met een verwijzing naar het onderzoek hierboven en
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
parties* (version """
    + __version__
    + """), with a reference to the research above and to the model
description `docs/ODD.md`.""",
)

SECTIONS_BEFORE_TRIES = (WHAT, STEPS, MECHANISMS, USE, NOTICE)
SECTIONS_AFTER_TRIES = (EXTEND, CREDITS)
