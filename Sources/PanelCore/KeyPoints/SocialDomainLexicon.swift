/// The Dutch social-domain lexicon the key point analysis reads: synonym groups, stop words and cue phrases.
/// Data, not code: one entry per line, see the header inside. Written by hand for this project (no outside source).
enum SocialDomainLexicon {
    static let source = #"""
        # De Tweede Mening - lexicon voor het sociaal domein.
        # Formaat (een regel per item, alles in kleine letters, diakrieten worden bij inlezen gevouwen):
        #   = concept: term, term, term      synoniemgroep (een woord of een meerwoordsfrase per term)
        #   + concept: term, term            meer termen voor een groep die elders al staat (de uitbreiding onderaan)
        #   stop: woord, woord               woorden die nooit argumenten mogen groeperen
        #   cue.support / cue.oppose / cue.middle / cue.missing / cue.tone / cue.thanks / cue.question / cue.negation
        #   cue.offtopic (aan het begin van een zin: die zin en de rest van de reactie gaan over iets anders)
        #   (cue.oppose kent geen kaal "niet eens": "er staat niet eens in hoe hij heet" is geen standpunt)
        #   cue.elsewhere (een ander onderwerp van de gemeente dan het sociaal domein: stoep, afval, parkeren, het loket
        #   aan de telefoon, de mails van het panel zelf; een zin daarover die geen kant kiest en hoogstens een op de zeven woorden met de standpunten
        #   deelt, de zinnen ervoor die dat ook niet doen, en de rest van de reactie, gaan over iets anders)
        #   cue.compliment (waar ook in een zin zonder standpunt: een compliment voor hoe de casus is geschreven, geen
        #   reden voor of tegen het besluit)
        # Lege regels en regels die met # beginnen zijn commentaar.
        # Een term staat in hoogstens een synoniemgroep.

        # ---------------------------------------------------------------
        # Geld en kosten
        # ---------------------------------------------------------------
        = kosten: kosten, kost, kostte, kostten, gekost, kostenplaatje, kostprijs, prijs, prijzen, prijskaartje, bedrag, bedragen, euro, euros, tarief, tarieven, rekening, factuur, facturen, offerte, offertes
        = geld: geld, gelden, centen, financien, financieel, financiele, financiering, bekostigen, bekostiging, betalen, betaalt, betaald, betaling, vergoeden, vergoeding, vergoed, vergoedt, geldkwestie, portemonnee
        = duur: duur, duurder, dure, duurste, kostbaar, kostbare, peperduur, prijzig, prijzige, te duur
        = goedkoop: goedkoop, goedkoper, goedkope, goedkoopste, voordelig, voordeliger, voordelige, tweedehands, gebruikt exemplaar, refurbished, huurlift, huren, lease, in bruikleen, bruikleen
        = belastinggeld: belastinggeld, belastingbetaler, belastingbetalers, gemeenschapsgeld, publiek geld, publieke middelen, geld van iedereen, onze belasting, belastingcenten, collectieve middelen, collectief geld, gemeenschap betaalt
        = budget: budget, budgetten, begroting, potje, pot, gemeentebudget, middelen, krapte, tekort, tekorten, begrotingstekort, geen geld, geld op, krap budget
        = bezuinigen: bezuinigen, bezuiniging, bezuinigingen, bezuinigd, besparen, besparing, besparingen, korten, korting, gekort, kostenbesparing, kaalslag, snijden, afschalen
        = uitgaven: uitgaven, uitgeven, uitgegeven, geeft uit, investering, investeren, investeert, geinvesteerd, kostenpost
        = terugverdienen: terugverdienen, terugverdiend, verdient zich terug, op termijn goedkoper, op lange termijn, voorkomt kosten, later duurder, duurder uit, penny wise, kortzichtig, kortetermijndenken, lange termijn
        = eigenbijdrage: eigen bijdrage, eigenbijdrage, eigen risico, bijbetalen, bijbetaling, zelf bijdragen, meebetalen, abonnementstarief, cak

        # ---------------------------------------------------------------
        # Inkomen, vermogen, schulden
        # ---------------------------------------------------------------
        = inkomen: inkomen, inkomens, salaris, loon, lonen, verdient, verdienen, verdiende, verdiensten, netto, bruto, pensioen, aow, minimuminkomen, minimumloon, minima, laag inkomen, modaal
        = uitkering: uitkering, uitkeringen, bijstandsuitkering, ww, wia, wajong, uitkeringsgerechtigde, uitkeringsgerechtigden, toeslag, toeslagen, zorgtoeslag, huurtoeslag, kinderbijslag
        = bijstand: bijstand, participatiewet, bijstandsgerechtigde, bijstandsgerechtigden, bijstandsnorm, in de bijstand, bijstandsmoeder, algemene bijstand
        = bijzonderebijstand: bijzondere bijstand, individuele inkomenstoeslag, meedoenregeling, minimaregeling, minimaregelingen, declaratie, eenmalige bijdrage
        = kostendelers: kostendelersnorm, kostendeler, kostendelers, samenwonen, samenwonend, samenwoont, inwonen, inwonend, inwoont, woningdelen, hospita, onder een dak, zelfde adres
        = vermogen: vermogen, spaargeld, spaarrekening, vermogensgrens, bezit, bezittingen, eigen huis, overwaarde, erfenis, vermogenstoets
        = sparen: sparen, spaart, gespaard, opzij zetten, opzij leggen, reserveren, reserveert, gereserveerd, reservering, buffer, appeltje voor de dorst, potje maken
        = schulden: schuld, schulden, schuldenlast, achterstand, achterstanden, betalingsachterstand, huurachterstand, deurwaarder, incasso, beslag, beslaglegging, aanmaning, aanmaningen, schuldeisers, schuldeiser
        = schuldhulp: schuldhulp, schuldhulpverlening, schuldsanering, wsnp, budgetbeheer, bewindvoering, bewindvoerder, beschermingsbewind, schuldregeling, minnelijk traject
        = lening: lening, leningen, lenen, leent, geleend, krediet, kredieten, kredietbank, sociale kredietbank, voorschot, renteloos, renteloze, rente, rentes, krediethypotheek
        = afbetalen: afbetalen, afbetaling, afbetaald, aflossen, aflossing, aflost, terugbetalen, terugbetaling, terugbetaald, in termijnen, maandbedrag, maandelijks bedrag, betalingsregeling
        = armoede: armoede, arm, arme, armer, rondkomen, niet rondkomen, krap, krappe beurs, voedselbank, geldzorgen, geldproblemen, stress over geld, onder het minimum

        # ---------------------------------------------------------------
        # Sociaal netwerk en mantelzorg
        # ---------------------------------------------------------------
        = netwerk: netwerk, sociaal netwerk, vangnet, omgeving, sociale omgeving, kring, vriendenkring, kennissen, vrienden, vriend, vriendin, vriendinnen
        = buren: buren, buurman, buurvrouw, buurt, buurtgenoten, wijk, wijkgenoten, naaste buren, buurtbewoners, burenhulp
        = mantelzorg: mantelzorg, mantelzorger, mantelzorgers, mantelzorgt, mantelzorgen, informele zorg, informele hulp, gebruikelijke zorg, vrijwilliger, vrijwilligers, vrijwilligerswerk
        = familie: familie, familieleden, familielid, verwanten, broer, broers, zus, zussen, zuster, neef, nicht, tante, oom, schoonfamilie
        = ouders: ouders, moeder, vader, pa, ma, moeders, vaders, opvoeders, opvoeding, opvoeden
        = kinderen: kinderen, kind, kids, zoon, dochter, zonen, dochters, kleinkinderen, kleinkind, gezin, gezinnen, gezinsleden, jongere, jongeren, jeugdige, jeugdigen, tiener, puber, baby
        = partner: partner, echtgenoot, echtgenote, haar man, zijn vrouw, huwelijk, getrouwd, weduwe, weduwnaar, alleenstaand, alleenstaande, gescheiden, scheiding

        # ---------------------------------------------------------------
        # Leeftijd, gezondheid
        # ---------------------------------------------------------------
        = ouderdom: ouderdom, oud, oude, ouder worden, oudere, ouderen, bejaard, bejaarde, bejaarden, senior, senioren, hoogbejaard, op leeftijd, leeftijd, tachtiger, negentiger, jaar oud, pensioengerechtigd
        = gezondheid: gezondheid, gezond, gezonde, ongezond, conditie, lichamelijk, lichamelijke, fysiek, fysieke, welzijn, vitaal, fit
        = ziekte: ziekte, ziek, zieke, ziekten, ziektes, aandoening, aandoeningen, chronisch, chronische, kwaal, kwalen, progressief, progressieve, ziekteverloop, achteruitgang, achteruit, verslechtert, verslechtering
        = diagnose: diagnose, diagnoses, gediagnosticeerd, indicatie, geindiceerd, medische verklaring, arts, artsen, huisarts, specialist, medisch, medische, dokter, keuring, keuringsarts, ergotherapeut, fysiotherapeut
        = beperking: beperking, beperkingen, handicap, gehandicapt, gehandicapte, beperkt, invalide, mindervalide, slechtziend, slechthorend, doof, blind, rolstoelgebonden, verstandelijke beperking, lichamelijke beperking
        = psychisch: psychisch, psychische, ggz, depressie, depressief, angst, angstig, burn-out, trauma, dementie, dement, alzheimer, autisme, adhd, geestelijke gezondheid, verward
        = mobiliteit: mobiliteit, mobiel, slecht ter been, lopen, loopt, rollator, krukken, wandelen, bewegen, beweging, moeite met lopen, traplopen, trap, trappen
        = pijn: pijn, pijnlijk, reuma, artrose, versleten, heup, knie, knieen, rug, rugklachten, gewrichten, klachten

        # ---------------------------------------------------------------
        # Zelfredzaamheid, waardigheid
        # ---------------------------------------------------------------
        = zelfredzaam: zelfredzaam, zelfredzaamheid, zelfredzame, eigen kracht, zelfstandig, zelfstandige, zelfstandigheid, onafhankelijk, onafhankelijkheid, op eigen benen, zelf kunnen, zelf doen, eigen regie, regie, autonomie
        = afhankelijk: afhankelijk, afhankelijkheid, aangewezen op, hulpbehoevend, hulpbehoevende, overgeleverd, smeken, bedelen, tot last
        = waardigheid: waardigheid, waardig, waardige, menswaardig, menswaardige, mensonwaardig, onwaardig, menselijkheid, menselijk, menselijke, medemenselijkheid, fatsoen, fatsoenlijk, beschaving, beschaafd
        = kwaliteitvanleven: kwaliteit van leven, levenskwaliteit, leefbaar, plezier, levensvreugde, genieten, gelukkig, welbevinden, perspectief, zingeving
        = participatie: participatie, meedoen, meedoet, deelnemen, deelname, meetellen, erbij horen, onderdeel van de samenleving, maatschappelijke participatie, naar buiten, de deur uit
        = eenzaamheid: eenzaamheid, eenzaam, eenzame, isolement, geisoleerd, vereenzamen, vereenzaming, alleen thuis, sociaal contact, sociale contacten, contact, aanspraak, binnen zitten, opgesloten
        = respect: respect, respectvol, respecteren, gerespecteerd, serieus nemen, serieus genomen, gehoord, gezien, erkenning, waardering

        # ---------------------------------------------------------------
        # Regels, beleid, rechtvaardigheid
        # ---------------------------------------------------------------
        = regels: regels, regel, regelgeving, voorschriften, criteria, criterium, voorwaarden, richtlijn, richtlijnen, norm, normen, protocol, protocollen, procedure, procedures
        = wet: wet, wetten, wettelijk, wettelijke, wetgeving, wmo, jeugdwet, verordening, verordeningen, beleidsregels, jurisprudentie, rechter, rechtspraak, uitspraak, crvb, juridisch, juridische
        = beleid: beleid, beleidskeuze, beleidskeuzes, politiek, politieke, gemeenteraad, raad, wethouder, college, keuze, keuzes, prioriteit, prioriteiten, afweging, afwegingen
        = maatwerk: maatwerk, maatwerkvoorziening, individueel, individuele, per geval, per persoon, persoonlijke situatie, specifieke situatie, uitzondering, uitzonderingen, hardheidsclausule, coulance, flexibel, flexibiliteit, soepel, soepeler, ruimte
        = starheid: star, starre, rigide, strikt, strikte, strak, strakke, letterlijk, regels zijn regels, computer says no, afvinken, hokjes, hokjesdenken, te streng, streng, strenge, strenger
        = eerlijk: eerlijk, eerlijke, eerlijker, oneerlijk, oneerlijke, rechtvaardig, rechtvaardige, onrechtvaardig, rechtvaardigheid, gelijk behandelen, gelijke behandeling, gelijkheid, ongelijkheid, gelijke monniken gelijke kappen, rechtsgelijkheid, billijk, onbillijk
        = willekeur: willekeur, willekeurig, willekeurige, meten met twee maten, favoritisme, voortrekken, voorgetrokken, subjectief, toevallig, loterij, geluk hebben
        = precedent: precedent, precedentwerking, iedereen kan dan, dan wil iedereen, dan komt iedereen, hek van de dam, deur openzetten, deur open, voorbeeld stellen, aanzuigende werking, scheppen, glijdende schaal, iedereen hetzelfde
        = misbruik: misbruik, misbruiken, fraude, frauderen, fraudeur, profiteren, profiteurs, gebruik maken van, uitbuiten, calculerend, oneigenlijk gebruik, controle, controleren, handhaving, handhaven
        = solidariteit: solidariteit, solidair, samenleving, maatschappij, maatschappelijk, maatschappelijke, verzorgingsstaat, sociaal stelsel, collectief, collectieve, gemeenschap, elkaar helpen, voor elkaar zorgen, zwakkeren, kwetsbaren, kwetsbaar, kwetsbare
        = verantwoordelijkheid: eigen verantwoordelijkheid, verantwoordelijkheid, verantwoordelijk, zelf regelen, zelf betalen, zelf oplossen, zelf zorgen, zelf verantwoordelijk, eigen keuze, eigen schuld, zelf voor kiezen, had kunnen weten, vooruitdenken, voorzorg
        = plicht: plicht, zorgplicht, taak, taken, verplicht, verplichting, verplichtingen, opdracht, de gemeente moet, overheidstaak, kerntaak
        = recht: recht, rechten, recht op, aanspraak op, rechtmatig, grondrecht, mensenrechten, vn-verdrag, gehandicaptenverdrag, toekomen

        # ---------------------------------------------------------------
        # Procedure, onderzoek, bezwaar
        # ---------------------------------------------------------------
        = keukentafel: keukentafelgesprek, consulent, wmo-consulent, klantmanager, casemanager, gesprek, gesprekken, onderzoek, huisbezoek, intake, beoordeling, beoordeeld, beoordelen, vraagverheldering, ondersteuningsplan, verslag, gespreksverslag
        = bezwaar: bezwaar, bezwaarschrift, bezwaarprocedure, beroep, in beroep, bezwaar maken, klacht, klachten indienen, ombudsman, geschillencommissie, onafhankelijke cliëntondersteuner, clientondersteuner, clientondersteuning
        = evaluatie: evaluatie, evalueren, evalueer, geevalueerd, herbeoordelen, herbeoordeling, herindicatie, heroverwegen, heroverweging, opnieuw bekijken, opnieuw beoordelen, later bekijken, na een half jaar, na een jaar, na zes maanden, terugkijken, vinger aan de pols, monitoren, check-in
        = proef: proefperiode, proeftijd, proberen, probeer, uitproberen, experiment, pilot, op proef, tijdelijk, tijdelijke, voorlopig, voorlopige, overbrugging, overbruggingsperiode
        = compromis: compromis, middenweg, tussenoplossing, tussenweg, gulden middenweg, deels, gedeeltelijk, gedeeltelijke, voor een deel, half, helft, de helft, deeltje, beetje van beide, water bij de wijn, tegemoetkoming, tegemoetkomen, tegemoet komen
        = alternatief: alternatief, alternatieven, andere oplossing, andere oplossingen, oplossing, oplossingen, optie, opties, mogelijkheid, mogelijkheden, creatief, creatieve, out of the box, goedkopere oplossing
        = algemenevoorziening: algemene voorziening, algemene voorzieningen, voorliggende voorziening, voorliggend, welzijnswerk, buurthuis, wijkteam, sociaal wijkteam, wijkcentrum, dagbesteding, inloop, inlooppunt
        = bureaucratie: bureaucratie, bureaucratisch, bureaucratische, regeltjes, papierwerk, papieren, formulieren, formulier, ambtenaren, ambtenaar, ambtelijk apparaat, loket, instanties, instantie, systeem, het systeem, rompslomp, administratie, administratief, administratieve lasten, verantwoording
        = informatie: informatie, info, gegevens, details, feiten, cijfers, onderbouwing, onderbouwd, onderbouwen, achtergrond, achtergrondinformatie, context, dossier, dossiers
        = uitleg: uitleg, uitleggen, uitgelegd, legt uit, toelichting, toelichten, motivering, gemotiveerd, motiveren, verantwoorden, argumentatie, reden, redenen, redenering, beargumenteren
        = communicatie: communicatie, communiceren, brief, brieven, beschikking, beschikkingen, e-mail, mail, mailtje, telefonisch, bellen, gebeld, antwoord, reactie, bericht, berichten, afwijzingsbrief
        = transparantie: transparantie, transparant, openheid, inzicht, inzichtelijk, navolgbaar, controleerbaar, duidelijkheid, helderheid, helder

        # ---------------------------------------------------------------
        # Tijd en wachten
        # ---------------------------------------------------------------
        = wachten: wachtlijst, wachtlijsten, wachttijd, wachttijden, wachten, wacht, gewacht, lang wachten, maanden wachten, duurt lang, te lang, vertraging, vertraagd, achterstand bij, termijn, termijnen, beslistermijn, traag, trage
        = snel: snel, snelle, sneller, spoedig, direct, meteen, onmiddellijk, zo snel mogelijk, urgent, urgentie, spoed, haast, acuut, acute, nu al
        = preventie: preventie, preventief, preventieve, voorkomen, voorkomt, vroegtijdig, op tijd, erger voorkomen, escalatie, escaleren, escaleert, erger worden, verergeren
        = toekomst: toekomst, later, in de toekomst, straks, over een paar jaar, op den duur, uiteindelijk, vooruitzicht, vooruitzichten, komende jaren

        # ---------------------------------------------------------------
        # Zorg en aanbieders
        # ---------------------------------------------------------------
        = zorgaanbieder: zorgaanbieder, zorgaanbieders, aanbieder, aanbieders, zorginstelling, zorginstellingen, instelling, instellingen, leverancier, leveranciers, thuiszorgorganisatie, zorgorganisatie, zorgorganisaties, hulpverlener, hulpverleners, professional, professionals
        = natura: zorg in natura, in natura, natura, gecontracteerd, gecontracteerde, gecontracteerde aanbieder, contract, contracten, inkoop, ingekocht, aanbesteding, aanbesteed
        = pgb: pgb, pgbs, persoonsgebonden budget, persoonsgebonden budgetten, svb, budgethouder, budgethouders, zelf inkopen, zorg zelf inkopen
        = zorg: zorg, zorgen voor, ondersteuning, ondersteunen, ondersteund, hulp, helpen, geholpen, hulpvraag, zorgvraag, zorgbehoefte
        = kwaliteit: kwaliteit, kwalitatief, goede zorg, slechte zorg, deskundig, deskundigheid, ervaring, ervaren, vakkundig, professioneel, onprofessioneel, wisselende gezichten, steeds andere hulp, continuiteit, vaste hulp
        = jeugdzorg: jeugdzorg, jeugdhulp, jeugdhulpverlening, jeugdbescherming, ondertoezichtstelling, pleegzorg, pleeggezin, gezinsvoogd, jeugdarts, cjg, centrum voor jeugd en gezin, behandeling, therapie, therapeut, psycholoog, orthopedagoog
        = verzekeraar: zorgverzekeraar, zorgverzekering, verzekering, verzekeraar, wlz, wet langdurige zorg, ciz, zvw, zorgverzekeringswet, basispakket, aanvullende verzekering, hulpmiddelenvoorziening
        = verpleeghuis: verpleeghuis, verzorgingshuis, tehuis, zorgwoning, intramuraal, opname, opgenomen, beschermd wonen, instellingszorg, zorgcentrum, aanleunwoning, seniorenwoning

        # ---------------------------------------------------------------
        # Voorzieningen
        # ---------------------------------------------------------------
        = traplift: traplift, trapliften, stoellift, plateaulift, lift, liften, traplopen vermijden
        = huishouden: huishouden, huishoudelijke hulp, huishoudelijk, huishoudelijke, hulp bij het huishouden, poetshulp, schoonmaakhulp, huishoudster, schoonmaakster, werkster, thuiszorg, hh, schoon en leefbaar huis, schoon huis
        = schoonmaken: schoonmaken, schoonmaak, poetsen, stofzuigen, dweilen, ramen lappen, afstoffen, opruimen, bedden verschonen, badkamer, toilet, sanitair, wassen, strijken, koken, maaltijden, maaltijd
        = boodschappen: boodschappen, boodschap, supermarkt, winkel, winkelen, inkopen doen, boodschappendienst, bezorgen, thuisbezorgd, bezorging
        = uren: uren, uur, uur per week, uren per week, per week, per maand, minuten, tijdsbesteding, normtijd, normtijden, inzet, urenaantal, aantal uren, ureninzet
        = rolstoel: rolstoel, rolstoelen, elektrische rolstoel, scootmobiel, scootmobielen, scooter, driewielfiets, aangepaste fiets, duofiets, handbike, hulpmiddel, hulpmiddelen, loophulpmiddel
        = woningaanpassing: woningaanpassing, woningaanpassingen, aanpassing, aanpassingen, aanpassen, aangepast, aangepaste, verbouwing, verbouwen, verbouwd, badkameraanpassing, drempels, drempel, beugels, douchestoel, uitbouw, slaapkamer beneden, aanbouw, badkamer beneden
        = verhuizen: verhuizen, verhuizing, verhuist, verhuisd, verhuiskosten, verhuiskostenvergoeding, andere woning, nieuwe woning, gelijkvloers, gelijkvloerse, benedenwoning, appartement, flat, seniorenflat, doorstromen, doorstroming, urgentieverklaring, woningcorporatie, corporatie, huurwoning, sociale huurwoning
        = thuiswonen: thuis wonen, thuis blijven wonen, langer thuis, zelfstandig wonen, in het eigen huis, eigen woning, eigen huis blijven, eigen omgeving, vertrouwde omgeving, thuis, huis, woning, woonsituatie, wonen, woont
        = wortels: geworteld, wortels, al jaren, jaren gewoond, hele leven, heel haar leven, heel zijn leven, herinneringen, gehecht, verbonden met, verhuizen op die leeftijd, oude boom verplant je niet
        = vervoer: vervoer, vervoersvoorziening, regiotaxi, taxi, taxivervoer, wmo-vervoer, valys, deeltaxi, doelgroepenvervoer, busje, bus, openbaar vervoer, ov, trein, tram, rijden, reizen, reist, reistijd, ritten, rit, kilometers, km, afstand, afstanden, vervoerskosten
        = fiets: fiets, fietsen, fietst, op de fiets, e-bike, elektrische fiets, bromfiets, brommer, zelf fietsen, lopend, te voet
        = auto: auto, auto's, eigen auto, rijbewijs, autorijden, parkeren, gehandicaptenparkeerkaart, parkeerkaart, benzine, brandstof, kilometervergoeding
        = leerlingenvervoer: leerlingenvervoer, schoolvervoer, schooltaxi, schoolbus, begeleid reizen, reistraining, ov-training, zelfstandig reizen, naar school brengen, halen en brengen, brengen en halen

        # ---------------------------------------------------------------
        # School, werk, re-integratie
        # ---------------------------------------------------------------
        = school: school, scholen, onderwijs, speciaal onderwijs, speciaal basisonderwijs, basisschool, middelbare school, vso, opleiding, opleidingen, studie, studeren, student, leerling, leerlingen, klas, les, lessen, leerplicht, passend onderwijs, diploma
        = werk: werk, werken, werkt, gewerkt, baan, banen, job, betaald werk, werkgever, werkgevers, werkplek, arbeidsmarkt, arbeid, fulltime, parttime, deeltijd, contract bij werkgever, vast contract, sollicitatie, solliciteren, sollicitaties
        = reintegratie: re-integratie, reintegratie, re-integratietraject, traject, trajecten, werkfit, werkervaringsplaats, participatiebaan, beschut werk, sociale werkvoorziening, jobcoach, loonkostensubsidie, proefplaatsing, tegenprestatie, scholing, omscholing, cursus, taalcursus, inburgering
        = arbeidsvermogen: arbeidsvermogen, arbeidsongeschikt, arbeidsongeschiktheid, arbeidsbeperking, loonwaarde, belastbaarheid, belastbaar, niet kunnen werken, ontheffing, arbeidsverplichting, arbeidsverplichtingen, sollicitatieplicht
        = stimulans: stimulans, stimuleren, prikkel, prikkels, motivatie, gemotiveerd raken, motiveert, aanmoedigen, aanmoediging, uitdaging, activeren, activering, wederkerigheid, voor wat hoort wat

        # ---------------------------------------------------------------
        # Belasting, veiligheid, gevolgen
        # ---------------------------------------------------------------
        = overbelasting: overbelast, overbelasting, overbelaste, zwaar, zware, zwaarder, uitgeput, uitputting, opgebrand, burn-out van mantelzorger, uitgeblust, moe, vermoeid, vermoeidheid, te veel, teveel, draaglast, grens, grenzen, breekpunt, last, belasting voor de mantelzorger, respijtzorg, ontlasten, ontlasting
        = veiligheid: veiligheid, veilig, veilige, onveilig, onveilige, vallen, valt, val, valpartij, valrisico, valgevaar, vallen van de trap, struikelen, gebroken heup, botbreuk, ongeluk, ongelukken, gevaar, gevaarlijk, gevaarlijke, risico, risico's
        = ziekenhuis: ziekenhuis, ziekenhuisopname, spoedeisende hulp, seh, ambulance, revalidatie, revalideren, operatie, herstel, herstellen, hersteld
        = gevolgen: gevolgen, gevolg, consequentie, consequenties, effect, effecten, impact, uitwerking, resultaat, uitkomst, schade, schadelijk, nadeel, nadelen, nadelig
        = stress: stress, gestrest, spanning, spanningen, zorgen maken, ongerust, onzeker, onzekerheid, paniek, wanhoop, wanhopig, radeloos, verdriet, verdrietig, frustratie, gefrustreerd, boos, boosheid
        = vertrouwen: vertrouwen, wantrouwen, wantrouwig, geloofwaardig, geloofwaardigheid, betrouwbaar, onbetrouwbaar, vertrouwen in de overheid, overheid, de overheid, bestuur, bestuurders, politici
        = kwaliteitvanwoning: schimmel, vocht, tocht, vervallen, slechte staat, onderhoud, achterstallig onderhoud, koude, verwarming
        = noodzaak: noodzaak, noodzakelijk, noodzakelijke, nodig, nodige, nodig hebben, onmisbaar, essentieel, essentiele, basisbehoefte, basisbehoeften, levensbehoefte, echt nodig, dringend, onontbeerlijk
        = luxe: luxe, luxueus, overbodig, overbodige, onnodig, onnodige, niet nodig, extraatje, nice to have, wensen, wens, verwennerij, overdreven, overdreven wens
        = verwachting: verwachting, verwachtingen, redelijkerwijs, redelijk om te verwachten, gevraagd worden, gevraagd mag worden, mag verwacht worden, van haar verwacht, van hem verwacht, zelf meer doen
        = samenwerking: samenwerking, samenwerken, samen, samen met, in overleg, overleg, overleggen, afstemming, afstemmen, afspraken, afspraak, met elkaar, om tafel, om de tafel
        = kinderbelang: belang van het kind, kinderbelang, ontwikkeling, ontwikkelen, ontwikkelt, kansen, kansengelijkheid, toekomst van het kind, groeien, opgroeien, veilig opgroeien, zorgen om het kind
        = gelijkwaardig: gelijkwaardig, gelijkwaardige, passend, passende, adequaat, adequate, toereikend, voldoende, volstaat, afdoende, compenserend, compensatie, compenseren
        = zorgvuldig: zorgvuldig, zorgvuldigheid, zorgvuldige, onzorgvuldig, grondig, grondige, nauwkeurig, serieus onderzoek, goed onderzocht, onderzocht, onderzoeken, laten onderzoeken, second opinion, advies, adviseren, geadviseerd, medisch advies
        = emotie: emotioneel, emotionele, emotie, emoties, gevoel, gevoelens, hart, gevoelsmatig, hartverscheurend, schrijnend, aangrijpend, triest, zielig, sneu, pijnlijk voor
        = dieren: hond, honden, kat, katten, huisdier, huisdieren, uitlaten
        = huiselijk: huiselijk geweld, geweld, mishandeling, verwaarlozing, verwaarloosd, onveilige thuissituatie, thuissituatie, zorgmelding, veilig thuis
        = migratie: statushouder, statushouders, nieuwkomer, nieuwkomers, vluchteling, vluchtelingen, taal, taalbarriere, nederlands spreken, laaggeletterd, laaggeletterdheid, digibeet, digitaal, digitale, online, internet, computer
        = dagritme: dagritme, structuur, dagstructuur, dagbesteding buitenshuis, zinvolle dag, bezigheid, bezigheden, ritme, regelmaat, hobby, hobbys, sport, sporten, club, vereniging
        = verslaving: verslaving, verslaafd, alcohol, drank, drugs, gokken, gokverslaving, middelengebruik
        = verantwoordingoverheid: verantwoording afleggen, rekenschap, aanspreekbaar, verantwoordelijke wethouder, de raad informeren, democratisch, democratie, inspraak, burgerparticipatie, inwoners betrekken, luisteren naar inwoners, luisteren, luistert, geluisterd
        = jurisprudentie: vergelijkbare zaak, vergelijkbare zaken, vergelijkbaar, eerdere zaak, eerdere zaken, andere gemeente, andere gemeenten, buurgemeente, buurgemeenten, elders, in andere gemeenten, gemeente ernaast, landelijk, landelijke
        = menselijkemaat: menselijke maat, mens achter, mens achter het dossier, mens centraal, cijfers boven mensen, geen nummer, nummer, getal, spreadsheet, excel, rekensom, rekenmodel, alleen naar geld kijken
        = doelmatig: doelmatig, doelmatige, doelmatigheid, efficient, efficiente, efficientie, effectief, effectieve, effectiviteit, rendement, zinvol, zinvolle, nuttig, nuttige, weggegooid geld, geldverspilling, verspilling, verspillen, zonde van het geld
        = tevredenheid: tevreden, ontevreden, blij, opgelucht, teleurgesteld, teleurstelling, verbaasd, verbazing, verbijsterd, geschokt, schrik

        # ---------------------------------------------------------------
        # Aanvullende groepen
        # ---------------------------------------------------------------
        = begeleiding: begeleiding, begeleiden, begeleider, begeleiders, ambulante begeleiding, individuele begeleiding, woonbegeleiding, coach, coaching, coachen, maatje, buddy
        = verzorging: verzorging, verzorgen, verzorgd, persoonlijke verzorging, wassen en aankleden, aankleden, douchen, steunkousen, wijkverpleging, wijkverpleegkundige, thuisverpleging, verpleging
        = alarmering: alarmering, personenalarmering, alarmknop, noodknop, alarmhanger, valdetectie, sensor, sensoren, domotica, camera, beeldzorg
        = logeren: logeren, logeeropvang, kortdurend verblijf, weekendopvang, logeerhuis, vakantieopvang, tijdelijke opvang
        = woonlasten: huur, huurprijs, huurverhoging, woonlasten, vaste lasten, maandlasten, hypotheek, energiekosten, energierekening, stookkosten, gas en licht, energieprijzen, gemeentelijke belastingen, waterschapsbelasting
        = gebruiksgoederen: wasmachine, koelkast, witgoed, meubels, meubilair, inrichting, bed, matras, fornuis, kookplaat, stofzuiger, kapotte wasmachine, vervangen, vervanging, kapot
        = medischekosten: tandarts, tandartskosten, gebit, kunstgebit, bril, lenzen, gehoorapparaat, medische kosten, ziektekosten, medicijnen, medicatie, apotheek, zorgkosten
        = zoektermijn: zoekperiode, zoektermijn, vier weken, vier weken wachten, jongerennorm, onder de 27, onder de 21, jongeren tot 27, eerst zelf zoeken
        = sanctie: sanctie, sancties, boete, boetes, maatregel, maatregelen, straf, straffen, gestraft, bestraffen, afstraffen, terugvordering, terugvorderen, teruggevorderd, verlaging, verlagen, verlaagd, stopzetten, stopgezet, intrekken, ingetrokken
        = fout: fout, fouten, vergissing, vergist, per ongeluk, vergeten, vergeten te melden, inlichtingenplicht, informatieplicht, doorgeven, doorgegeven, melden, gemeld, niet gemeld, slordig, slordigheid, onwetendheid
        = opzet: opzet, opzettelijk, bewust, bewuste, onbewust, kwade trouw, goede trouw, te goeder trouw, bedoeling, niet geweten, niet op de hoogte, onwetend, naief, naieve
        = kinderopvang: kinderopvang, opvang, bso, buitenschoolse opvang, oppas, oppassen, creche, gastouder, peuterspeelzaal, kinderdagverblijf
        = gemakzucht: lui, luiheid, gemakzucht, gemakzuchtig, makkelijk, gemakkelijk, achterover leunen, hand ophouden, de hand ophouden, klaplopen, klaploper, klaplopers, uitvreter, verwend, verwachten dat alles geregeld wordt
        = combineren: combineren, combinatie, combinatie van werk en zorg, naast het werk, naast haar werk, naast zijn werk, werkende mantelzorger, werkende mantelzorgers, fulltime baan, drukke baan, agenda, tijd hebben, geen tijd, tijdgebrek
        = afstandfamilie: ver weg, ver weg wonen, woont ver weg, wonen ver weg, andere kant van het land, buitenland, in het buitenland, in het buitenland wonen, ver van haar, ver van hem, uren rijden
        = draagkrachtfin: draagkracht, draagkrachtig, draagkrachtige, naar draagkracht, draagkrachtberekening, inkomenstoets, inkomensafhankelijk, inkomensafhankelijke, rijk, rijke, rijker, welgesteld, welgestelde, vermogend, vermogende, kapitaalkrachtig, breedste schouders, sterkste schouders
        = schoolkeuze: dichtstbijzijnde, dichtstbijzijnde school, dichterbij, toegankelijke school, schoolkeuze, schoolkeus, richting, geloofsovertuiging, levensbeschouwing, levensbeschouwelijke, denominatie, andere school, school verder weg
        = schaamte: schaamte, schamen, schaamt, stigma, stigmatiserend, stempel, trots, vernederend, vernedering, vernederd, gekleineerd, als bedelaar, niet durven, durft niet
        = zorgmijding: zorgmijding, zorgmijder, zorgmijders, hulp vragen, om hulp vragen, hulp te vragen, niet om hulp vragen, aan de bel trekken, uit beeld, buiten beeld, onder de radar, signalen, signaleren, vroegsignalering
        = betaaldemantelzorg: betaalde mantelzorg, familie betalen, familielid betalen, familieleden betalen, pgb voor familie, betalen voor mantelzorg, mantelzorgcompliment, mantelzorgwaardering, waardering mantelzorg, tegenprestatie familie
        = dakloos: dakloos, dakloze, daklozen, thuisloos, thuisloze, huisuitzetting, uitzetting, uitgezet, op straat, op straat komen te staan, zwerven, maatschappelijke opvang, nachtopvang, bank slapen, bankslaper, bankslapers
        = kwijtschelding: kwijtschelding, kwijtschelden, kwijtgescholden, afschrijven, afgeschreven, schuld kwijtschelden, schone lei, nieuwe start, opnieuw beginnen
        = levenseinde: terminaal, terminale, levenseinde, levensverwachting, sterven, overlijden, overleden, palliatief, palliatieve, kort te leven, niet lang meer, laatste levensfase, laatste jaren
        = hergebruik: herverstrekking, hergebruik, hergebruiken, herbruikbaar, depot, inleveren, terugnemen, terug naar de leverancier, terugplaatsen, doorgeven aan een ander
        = verandering: verandering, veranderingen, veranderd, veranderen, verandert, gewijzigd, gewijzigde, wijziging, omstandigheden, gewijzigde omstandigheden, nieuwe omstandigheden, ontwikkelingen
        = vrijetijd: vakantie, vakanties, uitje, uitjes, dagje uit, vrije tijd, ontspanning, verjaardag, verjaardagen, feestjes, schoolreisje, kamp
        = voeding: dieet, dieetkosten, voeding, gezonde voeding, eten, drinken, ondervoeding, ondervoed, honger, voedsel

        # ---------------------------------------------------------------
        # Stopwoorden
        # ---------------------------------------------------------------
        stop: gemeente, gemeentes, gemeenten, inwoner, inwoners, burger, burgers, bewoner, bewoners, client, clienten, klant, klanten, betrokkene, betrokkenen, verzoeker, verzoek, verzoeken, casus, zaak, zaken, besluit, besluiten, besloten, beslissing, beslissingen, aanvraag, aanvragen, aanvrager, aanvraagster, panel, panelleden, panellid, mevrouw, meneer, heer, dame, mw, dhr
        stop: vind, vindt, vinden, vond, denk, denkt, denken, dacht, vermoed, geloof, lijkt, lijken, meen, eigenlijk, gewoon, natuurlijk, wel, echt, heel, hele, erg, zeer, best, behoorlijk, nogal, vrij, zeker, absoluut, helemaal, zowieso, sowieso, toch, nou, ja
        stop: staat, staan, stond, eerst, eerste, anders, andere, ander, moeilijk, lastig, mening, meningen, persoon, personen, situatie, situaties, mensen, mens, iemand, iets, iedereen, alles, allemaal, elk, elke, ieder, iedere
        stop: dus, want, omdat, maar, en, of, dat, die, dit, deze, de, het, een, er, hier, daar, waar, wat, wie, welke, hoe, als, dan, toen, nu, ook, nog, al, alleen, zelfs, pas, even, zo, zoals, daarom, daardoor, doordat, hierdoor, namelijk, immers, bijvoorbeeld, bv, bijv, enz, etc
        stop: ik, je, jij, u, hij, zij, ze, wij, we, jullie, hun, hen, haar, hem, zijn, mijn, mij, me, ons, onze, uw, jouw, zich, zelf, zichzelf, mijzelf
        stop: is, was, waren, ben, bent, wordt, worden, werd, werden, geworden, heb, hebt, heeft, hebben, had, hadden, gehad, kan, kunnen, kon, konden, kunt, moet, moeten, moest, moesten, mag, mogen, mocht, zal, zullen, zou, zouden, wil, willen, wilde, wilden, gaat, gaan, ging, doet, doen, deed, gedaan, krijgt, krijgen, kreeg, gekregen, komt, komen, kwam, maakt, maken, gemaakt, zien, ziet, zie, zeggen, zegt, gezegd, geven, geeft, gegeven, laten, laat, houden, blijft, blijven
        stop: in, op, aan, met, van, voor, door, naar, bij, om, over, uit, tot, tegen, na, onder, tussen, binnen, buiten, via, per, sinds, vanaf, rond, rondom, tijdens, volgens, wegens, ondanks
        stop: veel, weinig, meer, minder, meest, minst, groot, grote, klein, kleine, goed, goede, slecht, slechte, beter, beste, erger, mooi, fijn, lang, kort, hoog, laag, nieuw, nieuwe, hetzelfde, zelfde, dezelfde, geval, gevallen, kwestie, punt, punten, manier, vraag, vragen, kant, deel, stuk, verhaal, dingen, ding, soort, zaakje
        stop: iemands, ieders, beetje, heleboel, paar, enkele, sommige, sommigen, beide, allebei, vaak, soms, altijd, meestal, weer, opnieuw, steeds, inmiddels, intussen, ineens, momenteel, tegenwoordig, vandaag, gisteren, morgen, jaar, jaren, maand, maanden, week, weken, dag, dagen
        stop: geschreven, beschreven, gelezen, lezen, lees, schrijf, schrijft, schrijven, reageer, reageert, reageren, persoonlijk, idee, ogen, betreft, hoor, hè, oké, ok, okee, zeg, tja, nja, hmm, jawel, inderdaad, uiteraard, blijkbaar, kennelijk, duidelijk, waarschijnlijk, misschien, mogelijk, wellicht, eventueel, ongeveer, gewoonweg, simpelweg, überhaupt

        # ---------------------------------------------------------------
        # Cues
        # ---------------------------------------------------------------
        cue.support: ik steun het besluit, ik steun de gemeente, steun het besluit, steun de beslissing, eens met de gemeente, eens met het besluit, eens met de beslissing, ik ben het eens, helemaal eens, het eens met, terecht, terechte, terecht besluit, terechte beslissing, begrijpelijk, begrijpelijk besluit, begrijpelijke beslissing, redelijk besluit, redelijke beslissing, redelijk, verstandig, verstandige keuze, verstandig besluit, de gemeente heeft gelijk, gemeente heeft gelijk, gelijk van de gemeente, eigen verantwoordelijkheid, kan niet alles betalen, kan niet alles vergoeden, niet alles kan, geld kan maar een keer uitgegeven worden, geld kan maar één keer worden uitgegeven, goed besluit, goede beslissing, juist besluit, juiste beslissing, ik snap de gemeente, ik begrijp de gemeente, ik kan me vinden in, kan me vinden in het besluit, sta achter het besluit, ik sta achter, zou hetzelfde besluiten, had hetzelfde besloten, ik zou ook afwijzen, afwijzing is terecht, terecht afgewezen, logisch besluit, logische keuze, verdedigbaar, goed te verdedigen, zorgvuldig afgewogen, goed afgewogen, niet de taak van de gemeente, zelf oplossen, eerst eigen netwerk, voorliggende voorziening eerst, geen taak voor de gemeente, kan zelf betalen, kan het zelf betalen, kan best, kan prima, kunnen best, kunnen prima, kan heus, kan zelf, zelf regelen, zelf opgebouwd, eigen kosten dragen, eigen broek ophouden, ik ben voor, ben ik voor, ik stem voor, stem ik voor, ik blijf voor, blijf ik voor, voorstander, akkoord met, prima besluit, volkomen terecht, helemaal terecht, begrijp ik goed, snap ik goed, regels zijn regels, regel is regel, blijf bij het besluit, blijf ik bij het besluit, ik blijf bij het besluit, achter het besluit, heeft gewoon gelijk, niet bodemloos, is niet bodemloos, niet oneindig, waar leg je de grens, waar trek je de grens, voor iedereen hetzelfde, voor iedereen gelijk, goed te doen, prima te doen, best te doen, valt best mee, eerst proberen, eerst maar proberen, eerst eens proberen
        cue.oppose: het niet eens, niet eens met, er niet mee eens, totaal niet eens, oneens, ik ben het niet eens, niet mee eens, helemaal niet eens, onterecht, onterechte, onredelijk, onredelijke, te streng, veel te streng, ik steun het besluit niet, steun het besluit niet, niet terecht, moet gewoon, moet gewoon krijgen, moet het krijgen, heeft recht op, recht op, schandalig, schande, onmenselijk, onmenselijke, zou ik wel toekennen, ik zou toekennen, toekennen, toewijzen, ik zou het toekennen, verkeerd besluit, verkeerde beslissing, fout besluit, foute beslissing, slecht besluit, slechte beslissing, onbegrijpelijk besluit, onbegrijpelijke beslissing, ik snap niet dat, ik begrijp niet dat, niet te begrijpen, absurd, belachelijk, bizar, triest besluit, kortzichtig, harteloos, hardvochtig, kil besluit, koud besluit, tegen het besluit, ik ben tegen, ben ik tegen, ik stem tegen, stem ik tegen, ik blijf tegen, blijf ik tegen, tegenstander, terugdraaien, herzien, besluit herzien, moet herzien worden, alsnog toekennen, alsnog vergoeden, gemeente moet betalen, gemeente moet bijspringen, zou moeten krijgen, verdient hulp, verdient het, laat mensen in de steek, in de steek gelaten, aan haar lot overlaten, aan zijn lot overlaten, aan hun lot overlaten, penny wise pound foolish, ga in bezwaar, bezwaar maken, niet akkoord, niet acceptabel, onacceptabel, onaanvaardbaar, ongehoord, te gek voor woorden, van de gekke, gemeente schiet tekort, schiet tekort, faalt, aan haar lot overgelaten, aan zijn lot overgelaten, aan hun lot overgelaten, aan hun lot over, aan haar lot over, aan zijn lot over, niet te doen, is niet te doen, onhaalbaar, niet haalbaar, onmogelijk, niet realistisch, onrealistisch, wereldvreemd, van het kastje naar de muur, kan gewoon niet, kan echt niet, kan toch niet, gaat echt niet, gaat gewoon niet
        cue.middle: mits, de helft, overgangsperiode, overgangstermijn, overgangsregeling, afbouwperiode, ingroeiperiode, uitstel, kanttekening, met een kanttekening, voorbehoud, onder voorbehoud, op voorwaarde dat, onder voorwaarde, onder voorwaarden, onder de voorwaarde, middenweg, tussenoplossing, tussenweg, compromis, gedeeltelijk, voor een deel, voor een gedeelte, tijdelijk, tijdelijke, proefperiode, op proef, opnieuw bekijken, opnieuw beoordelen, later opnieuw, aan de ene kant, aan de andere kant, enerzijds, anderzijds, ener zijds, aan de ene kant begrijp ik, ik begrijp beide kanten, beide kanten, beide partijen, allebei gelijk, ergens tussenin, half om half, deel vergoeden, gedeeltelijk vergoeden, voor een deel vergoeden, lening in plaats van, als alternatief, zolang, tenzij, behalve als, afhankelijk van, het hangt ervan af, hangt af van, dat hangt ervan af, in principe, in beginsel, op zich, op zich begrijpelijk, ja maar, wel maar, maar wel, met een eigen bijdrage, eigen bijdrage vragen, evalueren, evaluatie, herbeoordelen, herbeoordeling, voorlopig, voorlopige, in afwachting van, totdat, tot er, water bij de wijn, tegemoetkoming, tegemoetkomen, beperkt aantal, minder uren, afbouwen, geleidelijk, stapsgewijs, in stappen, opnieuw bekeken, opnieuw gekeken, opnieuw naar kijken, opnieuw kijken, stapje terug, stap terug, als aanvulling, niet als vervanging, bouw het af, bouw het rustig af, rustig afbouwen, af te bouwen, laten wennen, eerst wennen, langzaam afbouwen
        cue.missing: mis ik, ik mis, wat ik mis, ontbreekt, ontbreken, ontbrekende, niet vermeld, wordt niet vermeld, staat nergens, staat er niet, staat niet in, had ik willen weten, had ik graag willen weten, had graag gelezen, had ik graag gelezen, weet ik niet, weten we niet, is niet bekend, niet bekend, onbekend, niet duidelijk, onduidelijk, het is onduidelijk, geen idee hoeveel, geen idee wat, geen idee of, hoeveel kost, wat kost, wat kosten, wat verdient, hoeveel verdient, hoe hoog is, hoe groot is, meer informatie, meer info, meer gegevens, meer details, meer achtergrond, zou ik willen weten, wil ik weten, wil graag weten, ik wil graag weten, wordt niet gezegd, wordt niet genoemd, niet genoemd, niet aangegeven, wordt niet aangegeven, kan ik niet beoordelen zonder, kan ik niet beoordelen, moeilijk te beoordelen, lastig te beoordelen, niet te beoordelen, zonder te weten, zonder meer informatie, zonder meer info, als ik niet weet, ik weet niet of, ik weet niet hoeveel, ik weet niet wat, is er gekeken naar, is er onderzocht, is onderzocht of, is bekeken of, is er overwogen, niet onderzocht, niet uitgezocht, nog niet bekend, informatie ontbreekt, er ontbreekt, te weinig informatie, te weinig info, onvoldoende informatie, onvoldoende info, te summier, summier, beperkte informatie, ik lees niet, lees ik niet, lees nergens, nergens staat, het verhaal is niet compleet, onvolledig, incompleet, niet compleet, hoe zit het met, en hoe zit het met, wat is de rol van, heeft ze familie, heeft hij familie, is er familie, is er een netwerk, heeft ze kinderen, heeft hij kinderen, hoeveel spaargeld, hoeveel vermogen, wat is het inkomen, wat zegt de arts, wat zegt de huisarts, medische gegevens ontbreken, graag meer, daar wil ik meer over weten, op basis waarvan, waar is dat op gebaseerd, had erbij gemoeten, had erbij gekund, had erbij gemogen, had erin gemoeten, had ik graag gezien, had graag gezien, had ik graag gelezen, niemand zegt, zegt niemand, lees ik niks over, lees ik niets over, lees ik nergens, daar lees ik niks, zou eerst willen weten, eerst willen weten, wil eerst weten, zonder die cijfers, zonder die gegevens, zonder cijfers, zonder gegevens, moet de gemeente uitzoeken, uitzoeken, is er gekeken, is er wel gekeken, niet onderzocht, is dat onderzocht, lees ik nog niet, lees ik nog nergens, blijkt niet, blijkt nergens, blijkt niet uit, onderbouwing, onderbouwen, onderbouwt, onderbouwd, nagaan, nagaat, natrekken, navragen, controleren of, checken of, zeker weten, verklaring van, schriftelijke verklaring, bewijs van, aantonen dat, willen weten, wil weten, wil graag weten, zou wel willen weten, vraag ik me af, vraag ik mij af, ik vraag me af hoeveel, ik vraag mij af hoeveel, vraag me af hoeveel, vraag mij af hoeveel, vraag me af of, vraag mij af of, vraag me af wat, vraag mij af wat, als de gemeente weet, als duidelijk was, als duidelijk is, zou helpen als, zie nergens, zie ik nergens, zou ik graag zien voordat, graag zien voordat, wil ik eerst weten, dat wil ik weten, voordat ik kan kiezen, voor ik kan kiezen, voordat ik kan stemmen, voor ik kan stemmen, zijn daar cijfers van, zijn er cijfers, dan kunnen we het beter beoordelen, beter kunnen beoordelen
        cue.tone: toon, de toon, toonzetting, kil, kille, koud, afstandelijk, afstandelijke, ambtelijk, ambtelijke, ambtelijke taal, taalgebruik, formulering, geformuleerd, woordkeuze, klinkt als, klinkt alsof, als een verwijt, verwijtend, beschuldigend, neerbuigend, betuttelend, bevoogdend, belerend, respectloos, de brief, in de brief, brief van de gemeente, zo praat je niet, zo ga je niet met mensen om, onbegrijpelijk, onbegrijpelijke taal, moeilijke taal, moeilijke woorden, jargon, vakjargon, ambtenarentaal, niet uitgelegd, slecht uitgelegd, kortaf, zakelijk, te zakelijk, hautain, arrogant, denigrerend, kleinerend, onvriendelijk, ongevoelig, zonder empathie, geen empathie, weinig empathie, empathie, inlevingsvermogen, invoelend, botweg, standaardbrief, standaardzinnen, standaardantwoord, copy paste, zo gebracht, de manier waarop, hoe het gebracht wordt, hoe het gecommuniceerd is, communicatie kan beter, slechte communicatie, vriendelijker, warmer, menselijker verwoord, b1, taalniveau, eenvoudige taal, begrijpelijke taal, duidelijke taal, zo schrijf je, zo schrijf je niet, wat me stoort, de zin over, die zin, hoort niet in een brief, in een brief aan, menselijker, afstandelijke brief, kille brief, had wat menselijker gemogen, leest als een, die term, zo'n zin, wat een woorden, rekensommetje, klinkt het alsof, klinkt het als, in gewone taal, gewone mensentaal, botte brief, bot geformuleerd, bot gebracht, bot overkomen, komt bot over, klinkt bot, in normale taal, normale taal, gewone taal, in die brief, die brief
        cue.thanks: bedankt, bedankt voor, dank u, dank je, dank voor, hartelijk dank, veel dank, alvast bedankt, dank, dankjewel, dankuwel, fijn dat, fijn initiatief, leuk dat, goed uitgelegd, duidelijk uitgelegd, duidelijk beschreven, goed beschreven, helder beschreven, helder uitgelegd, mooi initiatief, goed initiatief, sympathiek initiatief, goed dat de gemeente dit voorlegt, goed dat de gemeente, goed dat dit wordt voorgelegd, fijn dat we mee mogen denken, mooi dat we mogen meedenken, complimenten, compliment, chapeau, succes, veel succes, succes ermee, sterkte, veel sterkte, met vriendelijke groet, met vriendelijke groeten, vriendelijke groet, vriendelijke groeten, groet, groeten, groetjes, hartelijke groet, hartelijke groeten, mvg, m.vg, gr, grt, vr gr, vriendelijke gr, hoi, hallo, beste, geachte, goedemiddag, goedemorgen, goedenavond, tot de volgende keer, tot de volgende casus, ik doe graag mee, graag gedaan, interessante casus, lastige casus, moeilijke casus, mooie casus, leerzaam, sorry, excuus, excuses, vorige mail, mijn vorige mail, mijn vorige bericht, te vroeg verstuurd, per ongeluk verstuurd, mijn stem blijft, ik lees het, ik kom erop terug, ik reageer later, goed opgeschreven, helder opgeschreven, duidelijk opgeschreven, goed beschreven, helder beschreven, prettig leesbaar, ik wist niet dat, dat wist ik niet, wist ik niet, weer wat geleerd, complimenten, compliment, heldere casus, duidelijke casus, vergeten te zeggen, ik heb geen mening, ik heb hier geen mening, ik heb daar geen mening, heb ik geen mening, geen mening, ik weet te weinig, weet ik te weinig, ik weet er te weinig van, ik weet hier te weinig van, kan ik niks over zeggen, kan ik niets over zeggen, kan ik hier niks over zeggen, kan ik hier niets over zeggen, kan ik eigenlijk niks over zeggen, kan ik hier eigenlijk niks over zeggen, kan ik hier eigenlijk niets over zeggen, niet zo thuis in, niet thuis in, ik ben niet zo thuis in, ik ben niet thuis in, ik ben er niet zo thuis in, ik onthoud me, ik onthoud mij, ik stem blanco, geen oordeel, nog geen oordeel, ik heb geen oordeel, ik stem niet, ik stem deze keer niet, stem ik niet, raakt me, raakt mij, ik hoop dat het goed komt, hoop dat het goed komt, ik ga er nog over nadenken, ik ga er nog even over nadenken, ik denk er nog over na
        cue.compliment: goed opgeschreven, duidelijk opgeschreven, helder opgeschreven, netjes opgeschreven, mooi opgeschreven, goed beschreven, duidelijk beschreven, helder beschreven, netjes beschreven, goed uitgelegd, duidelijk uitgelegd, helder uitgelegd, goed geschreven, duidelijk geschreven, helder geschreven, prettig leesbaar, goed leesbaar, goed te volgen, goed te begrijpen, heldere casus, duidelijke casus, goed voorbereid, complimenten voor, compliment voor, goed dat jullie, fijn dat jullie, uitgebreid opgeschreven, uitgebreid opschrijven, uitgebreid beschreven, zo uitgebreid, mooi hoe, fijn hoe, mooi uitgelegd, netjes uitgelegd
        cue.offtopic: los van deze casus, los van de casus, los van deze zaak, los van dit onderwerp, ander onderwerp, ander punt buiten deze casus, off topic, offtopic, iets heel anders, helemaal iets anders, even iets anders, staat hier los van, heeft hier niets mee te maken, niet over deze casus, buiten deze casus, iets anders kwijt, nog iets anders, ook nog iets anders, terzijde, even buiten de casus, mag ik ook even iets anders, mag ik even iets anders, mag ik ook iets anders, wat ik wel kwijt wil, wat ik nog kwijt wil, niet over deze zaak, niet over deze kwestie
        cue.elsewhere: stoep, stoepen, stoeprand, stoeptegel, stoeptegels, trottoir, losliggende tegels, bankje, bankjes, bushalte, bushokje, lantaarnpaal, lantaarnpalen, straatverlichting, container, containers, grijze container, groene container, kliko, vuilnis, vuilniszak, vuilniszakken, afval, afvalinzameling, ophaaldag, zwerfvuil, grofvuil, parkeren, parkeerplek, parkeerplekken, parkeerplaats, parkeervergunning, parkeergeld, hondenpoep, onkruid, speeltuin, speeltuintje, fietspad, fietspaden, verkeersdrempel, drempels, kuilen in de weg, gaten in de weg, straat opengebroken, bibliotheek, zwembad, sporthal, telefonisch bereikbaar, slecht bereikbaar, niet bereikbaar, in de wacht, wachtmuziek, loket gebeld, verbinding verbroken, mijn dossiernummer, mijn klantnummer, mijn dossier, energietoeslag, gemeentelijke belastingen, gemeentelijke belasting, ozb, gemeentebelasting, afvalstoffenheffing, rioolheffing, riool, bomen snoeien, snoeien, blad ruimen, gladheid, strooien, strooiwagen, vuurwerk, geluidsoverlast, overlast van de buren, hangjongeren, vuilnisophaal, afvalophaal, huisvuil, vuilniswagen, deze mails, de mails, mails dubbel, mail dubbel, dubbel binnen, zonder bijlage, met bijlage, vijver, parkbank, parkbankje, herinnering, herinneringen, minder mails, te veel mails, volgende panel, vorige panel
        cue.question: ik vraag me af, hoeveel, zou ik willen weten, ik zou willen weten, ik zou graag willen weten, ik wil graag weten, wil ik graag weten, ik vraag mij af, vraag me af, vraag mij af, vraag ik me af, vraag ik mij af, ik ben benieuwd, ben benieuwd, benieuwd naar, weet iemand, weet de gemeente, kan de gemeente uitleggen, kan de gemeente aangeven, kan de gemeente toelichten, kan iemand uitleggen, graag hoor ik, graag zou ik horen, ik hoor graag, hoor graag, waarom, waarom is, waarom wordt, waarom niet, hoe kan het dat, hoe komt het dat, hoe zit het, is het mogelijk, is het mogelijk dat, zou het kunnen, kan het zijn dat, klopt het dat, is het zo dat, mijn vraag is, vraag aan de gemeente, een vraag, vraagje, wat als, wat gebeurt er als, wat nou als, heeft de gemeente, heeft men, is er nagedacht over, is overwogen, wordt er gekeken, hoe ziet de gemeente, wat vindt de gemeente, wie betaalt, wie beslist, wanneer
        cue.negation: niet, geen, nooit, nergens, niks, niets, allerminst, geenszins, nimmer, noch, evenmin, niemand, zonder, nauwelijks, amper, onmogelijk, absoluut niet, helemaal niet, totaal niet, in geen geval, op geen enkele manier, niet meer, geen enkele, nee

        # ---------------------------------------------------------------
        # Families: groups that mean the same for a key point. A word of a member group also counts as the family,
        # so "kosten", "duur" and "belastinggeld" meet, while each keeps its own group for finer matches.
        #   ~ family: group, group, ...
        # ---------------------------------------------------------------
        ~ geldzaken: kosten, geld, duur, goedkoop, belastinggeld, budget, bezuinigen, uitgaven, terugverdienen, doelmatig
        ~ sociaalnetwerk: netwerk, buren, mantelzorg, familie, afstandfamilie, betaaldemantelzorg
        ~ inkomenspositie: inkomen, uitkering, bijstand, vermogen, draagkrachtfin, woonlasten, armoede
        ~ schuldpositie: schulden, schuldhulp, lening, afbetalen, kwijtschelding
        ~ gezondheidstoestand: gezondheid, ziekte, diagnose, beperking, psychisch, pijn
        ~ zelfstandigheid: zelfredzaam, afhankelijk, thuiswonen, participatie
        ~ regelgeving: regels, wet, beleid, jurisprudentie, starheid
        ~ rechtvaardigheid: eerlijk, willekeur, precedent, gelijkwaardig, solidariteit
        ~ tijdsduur: wachten, snel, zoektermijn
        ~ herbeoordeling: evaluatie, proef, compromis
        ~ zorgaanbod: zorgaanbieder, natura, pgb
        ~ reizen: vervoer, fiets, auto
        ~ welzijn: eenzaamheid, kwaliteitvanleven, waardigheid, menselijkemaat
        ~ belasting: overbelasting, stress

        # De Tweede Mening - uitbreiding van het lexicon voor het sociaal domein.
        # Geschreven met alleen kennis van het Nederlands en van het sociaal domein, plus het bestaande lexicon
        # (SocialDomainLexicon.swift) en docs/architecture.md. Er is GEEN evaluatie- of testdata gelezen
        # (niets onder Tests/, docs/keypoints.md, scripts/eval/ of /tmp), en de evaluatie is niet gedraaid.
        #
        # Formaat zoals in het bestaande lexicon:
        #   = concept: term, term, ...       nieuwe synoniemgroep (conceptnaam nog niet in gebruik)
        #   + bestaand_concept: term, ...    toevoeging aan een bestaande groep (samen te voegen)
        #   ~ familie: groep, groep          nieuwe familie van verwante groepen (alleen groepen die nog geen familie hebben)
        # Elke term staat in hoogstens een synoniemgroep van het hele lexicon (ook na stemming gecontroleerd).
        # Woorden uit de afsluit- en groetzinnen (cue.thanks) zijn bewust niet als groepsterm gebruikt.

        # ---------------------------------------------------------------
        # Geld: bedragen, betaalbaarheid, gratis
        # ---------------------------------------------------------------
        + kosten: geldbedrag, bedragje, kostenoverzicht, kostenraming, begroting van de kosten, totale kosten, totaalbedrag, aanschafprijs, aanschafkosten, aanschaf, aanschaffen, aangeschaft, kosten per jaar, kosten per maand
        + geld: financiele steun, financiele hulp, financieel ondersteunen, geldelijke, geldelijk, finacieel, finaciele, financieel gezien, geldmiddelen
        + budget: budjet, budgetplafond, plafond, budgetten op, pot is leeg, geld is op, op is op, gemeentekas, schatkist, beschikbare middelen
        + bezuinigen: bezuinigt, bespaart, bespaard, beknibbelen, beknibbelt, bezuinigingsdrift, bezuinigingsmaatregel, bezuinigingsmaatregelen, kosten besparen, kosten drukken, op de kosten letten, kaasschaaf, kaasschaafmethode
        + terugverdienen: op termijn, op de lange termijn, langere termijn, goedkoop is duurkoop, duurkoop, zwaardere zorg, duurdere zorg, duurdere hulp, zwaardere hulp, nog duurder, uiteindelijk duurder, ander potje, uit een ander potje, waterbedeffect, kosten verschuiven, verschuiving van kosten, maatschappelijke kosten, maatschappelijke baten, kosten en baten, baten, oplevert, levert op, opbrengst, opbrengsten, rendabel, loont zich, betaalt zich terug
        + eigenbijdrage: eigen bijdragen, ouderbijdrage, ouderlijke bijdrage, drempelbedrag, maximale bijdrage, eigen betaling
        = gratis: gratis, kosteloos, kosteloze, kost niets, kost niks, niets kosten, geen kosten, zonder kosten, voor nop
        = betaalbaarheid: onbetaalbaar, onbetaalbare, niet te betalen, niet op te brengen, ophoesten, kan het niet betalen, kan niet betalen, kunnen betalen, kan het betalen, niet te dragen, financieel haalbaar, financieel niet haalbaar
        = kleinbedrag: klein bedrag, kleine bedrag, klein bedragje, peanuts, schijntje, habbekrats, druppel op een gloeiende plaat, verwaarloosbaar, verwaarloosbare, te verwaarlozen, paar tientjes, tientje, tientjes, luttele, fractie, kleine kosten, beperkte kosten, geringe kosten, gering bedrag, niet veel geld
        = grootbedrag: groot bedrag, grote bedrag, flink bedrag, fors bedrag, hoog bedrag, hoge bedrag, hoge kosten, enorm bedrag, enorme kosten, smak geld, bak geld, veel geld, heel veel geld, duizenden euros, torenhoog, torenhoge, astronomisch
        = koopkracht: koopkracht, inflatie, prijsstijging, prijsstijgingen, prijsverhoging, prijsverhogingen, stijgende prijzen, gestegen prijzen, alles wordt duurder, alles is duurder, alles duurder, duurte, kosten van levensonderhoud, levensonderhoud, dure tijden, energiecrisis, boodschappen duurder
        = leefgeld: leefgeld, weekgeld, huishoudgeld, boodschappengeld, leefbudget, zakgeld, om van te leven, overhouden, houdt over, hield over, overgehouden, overblijft, blijft over, restbedrag, besteedbaar, besteedbaar inkomen, netto besteedbaar, beslagvrije voet, vrij te laten bedrag

        # ---------------------------------------------------------------
        # Inkomen, bijstand, minimaregelingen
        # ---------------------------------------------------------------
        + inkomen: inkomsten, gezinsinkomen, huishoudinkomen, toetsingsinkomen, verzamelinkomen, alleenverdiener, eenverdiener, kostwinner, tweeverdieners, minimahuishoudens, loonstrook, loonstroken, salarisstrook, jaarinkomen, maandinkomen
        + uitkering: uwv, ioaw, ioaz, anw, wachtgeld, kindgebonden budget, uitkeringen van het uwv, uitkeringsinstantie, toeslagpartner
        + bijstand: bijstandstrekker, bijstandstrekkers, bijstandsgezin, bijstandsgezinnen, bijstandsmoeders, bijstandsvader, bijstandsniveau, sociaal minimum, bijstandsnormen, participatie wet, participatiewetuitkering, in de bijstand zitten, in de bijstand terechtkomen
        + bijzonderebijstand: armoederegeling, armoederegelingen, minimabeleid, regelingen voor minima, categoriale bijzondere bijstand, individuele studietoeslag, studietoeslag, collectieve zorgverzekering, gemeentepolis, energietoeslag, energiecompensatie, bijzondere kosten, noodzakelijke kosten, bijzonder noodzakelijke kosten
        = minimapas: stadspas, meedoenpas, gemeentepas, kortingspas, kindpakket, kindregeling, kindregelingen, jeugdfonds, jeugdfonds sport en cultuur, jeugdsportfonds, jeugdcultuurfonds, leergeld, stichting leergeld, meedoenbudget, participatiebudget, sportfonds, contributie, contributies, lidmaatschap
        = armoedeval: armoedeval, werken loont niet, werken moet lonen, loont niet, gaat erop achteruit, erop achteruit, erop achteruitgaan, erop vooruit, er niet op vooruit, toeslagen kwijt, verliest toeslagen, marginale druk, verdient minder, blijft niets over
        = bijverdienen: bijverdienen, bijverdient, bijverdiend, bijverdienste, bijverdiensten, inkomstenvrijlating, vrijlating, vrijlatingsregeling, vrijlatingen, extra verdienen, beetje bijverdienen, verrekenen, verrekend, verrekent, verrekening, inkomsten verrekenen, in mindering, in mindering gebracht, gekort op de uitkering, korting op de uitkering
        = giften: gift, giften, schenking, schenkingen, geschonken, cadeau, cadeaus, cadeautje, geld van familie, geld van ouders, geld van de ouders, financiele hulp van familie, familie springt bij, donatie, donaties, toegestopt, toestoppen, boodschappen van familie
        = bankrekening: bankrekening, bankrekeningen, bankafschrift, bankafschriften, rekeningafschriften, rekeningoverzicht, afschriften, bankpas, pinpas, pinnen, gepind, geldopname, overboeking, overboekingen, overgemaakt, overmaken, storting, stortingen, gestort, contant, contant geld, cash, saldo, banksaldo
        + kostendelers: kostendelersnormen, kosten delers norm, kostendeler norm, inwonende zoon, inwonende dochter, inwonende kinderen, inwonend kind, thuiswonend, thuiswonende, thuiswonende kinderen, bij ouders wonen, bij zijn ouders wonen, bij haar ouders wonen, onderhuur, onderhuurder, kamerbewoner, kamerhuurder, huisgenoot, huisgenoten, medebewoner, medebewoners, gezamenlijke huishouding, gezamenlijk huishouden, woonverband, leefvorm, hoofdbewoner
        = onderhoudsplicht: onderhoudsplicht, onderhoudsplichtig, onderhoudsplichtige, alimentatie, kinderalimentatie, partneralimentatie, onderhoudsbijdrage, alimentatieplicht, ouders zijn onderhoudsplichtig
        + vermogen: spaargeldje, spaarcenten, vermogenstoets, vrij vermogen, vermogensvrijstelling, beleggingen, beleggen, aandelen, overwaarde op het huis, spaarpot
        + armoede: armoedig, armoedige, armoedegrens, in armoede, onder de armoedegrens, kinderarmoede, energiearmoede, werkende armen, weinig geld, te weinig geld, moeilijk rondkomen, net rondkomen, amper rondkomen, elk dubbeltje omdraaien, ieder dubbeltje omdraaien, dubbeltje, krap bij kas, geldgebrek, geldtekort, geen cent, geen cent te makken, platzak, blut, geldnood, financiele nood, financiele problemen, financiele zorgen, financiele moeite, bestaansminimum, voedselpakket, voedselpakketten, voedselhulp, kledingbank, speelgoedbank, sociale kruidenier
        + woonlasten: woonkosten, woonkostentoeslag, servicekosten, zorgkosten per maand, nutsvoorzieningen, water en energie
        = liefdadigheid: liefdadigheid, goede doel, goede doelen, fonds, fondsen, noodfonds, kerk, kerken, diaconie, parochie, moskee, charitas, particulier initiatief, inzamelingsactie, crowdfunding, doneren, gedoneerd, vrijwilligersorganisatie

        # ---------------------------------------------------------------
        # Schulden en schuldhulp
        # ---------------------------------------------------------------
        + schulden: schuldenproblematiek, schuldproblemen, schuldproblematiek, problematische schulden, in de schulden, rood staan, roodstand, openstaande rekeningen, onbetaalde rekeningen, incassobureau, incassobureaus, incassokosten, deurwaarders, loonbeslag, beslag op, schuldenaar, schuldenaren, schuldenberg, schuldenberen, gokschuld, gokschulden, belastingschuld, belastingschulden, huurschuld, energieschuld, wanbetaler, wanbetalers, betalingsproblemen, betaalproblemen, achteraf betalen, cjib, aanmaningskosten
        + schuldhulp: schuldhulpverlener, schuldhulpverleners, schuldhulpmaatje, schuldenbewind, bewind, bewindvoerders, onder bewind, budgetcoach, budgetcoaching, budgettraining, geldcoach, thuisadministratie, administratieve hulp, hulp bij de administratie, hulp bij administratie, saneringskrediet, schuldbemiddeling, stabilisatie, stabilisatiefase, moratorium, schuld hulp, minnelijke schuldregeling, schuldhulptraject, schuldsaneringstraject, schuldenvrij
        + afbetalen: afbetalingsregeling, aflossingsregeling, regeling treffen, betalingsregelingen, afloscapaciteit, aflossingscapaciteit, aflossen in termijnen, termijnbedrag, afgelost, lost af, betaalt af

        # ---------------------------------------------------------------
        # Wmo: huishouden, klusjes, maaltijden
        # ---------------------------------------------------------------
        + huishouden: huishoudelijke ondersteuning, hbh, hulp in de huishouding, huishoudhulp, huishoudelijk hulp, huishoudenlijke hulp, poetsvrouw, schoonmaker, schoonmakers, huishoudelijke taken, huishoudelijk werk, hulp in huis, thuishulp, alfahulp, alphahulp, schoonmaakbedrijf, poetshulpje, huishoudelijke hulpen, huishoudelijkehulp
        + schoonmaken: was doen, de was, wasgoed, strijkt, gestreken, gekookt, kookt, ramen wassen, bed opmaken, verschonen, verschoond, stof afnemen, wasservice, wasserette, poetst, gepoetst, gestofzuigd, stofzuigt, schoongemaakt, maakt schoon
        = klusjes: klusjes, klusje, klussen, klust, klusjesman, klusjesdienst, tuin, tuintje, tuinonderhoud, tuinman, tuinieren, gras maaien, heg knippen, onkruid, sneeuw ruimen, glazenwasser, ramen zemen, kleine reparaties, lampje vervangen
        = maaltijdservice: maaltijdservice, tafeltje dekje, maaltijdbezorging, maaltijden aan huis, warme maaltijd, warme maaltijden, kant en klare maaltijden, kant-en-klaarmaaltijden, diepvriesmaaltijden, maaltijdvoorziening, eten laten bezorgen, gezamenlijke maaltijd

        # ---------------------------------------------------------------
        # Wmo: hulpmiddelen, woning, trap
        # ---------------------------------------------------------------
        + rolstoel: rolstoeltje, rollstoel, electrische rolstoel, sportrolstoel, duwondersteuning, rolstoelfiets, tandem, scootmobile, scootermobiel, scoot mobiel, scootmobieltje, deelscootmobiel, scootmobielpool, gedeelde scootmobiel, invalidewagen, tillift, tilliften, hoog-laagbed, hoog laag bed, hooglaagbed, postoel, toiletstoel, sta-opstoel, sta op stoel, hulpmiddelen leverancier
        + traplift: trap lift, trapliftje, tweede traplift
        + woningaanpassing: trapleuning, trapleuningen, leuning, leuningen, extra leuning, tweede leuning, handgreep, handgrepen, steunbeugel, steunbeugels, verhoogd toilet, toiletverhoger, inloopdouche, douchevloer, oprijplaat, hellingbaan, automatische deuropener, deuropener, deuren verbreden, aanpassen van de woning, woning aanpassing, woning aanpassen, woonvoorziening, woonvoorzieningen, aangepaste woning, rolstoelwoning, verbouwingskosten, aanpassingskosten
        = verdieping: verdieping, verdiepingen, bovenverdieping, eerste verdieping, slaapkamer boven, badkamer boven, boven slapen, bovenwoning, portiekwoning, portiek, trappenhuis, zonder lift, geen lift, trap op, de trap op, trap af, trapje
        = stalling: stalling, scootmobielstalling, fietsenstalling, stallen, gestald, berging, bergingen, schuur, schuurtje, opladen, oplaadpunt, oplaadplek, stopcontact, stallingsruimte
        = incontinentie: incontinentie, incontinent, incontinentiemateriaal, luier, luiers, opvangmateriaal, toiletgang, toiletbezoek, naar de wc, wc-bezoek, ongelukjes
        = mantelzorgwoning: mantelzorgwoning, kangoeroewoning, mantelzorgunit, zorgunit, tiny house, unit in de tuin, woonunit, bij de kinderen wonen, bij haar dochter wonen, bij zijn dochter wonen, bij haar zoon wonen, bij zijn zoon wonen, bij de kinderen intrekken, inwonen bij
        + verhuizen: verkassen, ander huis, ander huisje, kleiner wonen, kleiner gaan wonen, kleinere woning, te groot huis, te grote woning, verhuisplicht, huis verkopen, woningruil, seniorenappartement, levensloopbestendig, levensloopbestendige, woningbouwvereniging, woningbouwverenigingen, woonstichting, corporaties, verhuisd naar
        = woningtekort: woningtekort, woningnood, wooncrisis, woningmarkt, krappe woningmarkt, geen woning, geen huis, geen woning te vinden, inschrijftijd, inschrijfduur, zoektijd, woningzoekend, woningzoekende, woningzoekenden, woonruimte, wachtlijst voor een woning, jaren wachten op een woning, woningnet, ingeschreven als woningzoekende
        = eigendom: koopwoning, koophuis, huiseigenaar, huiseigenaren, eigenaar-bewoner, huurder, huurders, verhuurder, verhuurders, huisbaas, particuliere verhuurder, eigen woningbezit
        = briefadres: briefadres, postadres, woonadres, brp, basisregistratie, ingeschreven op, inschrijving op het adres, geen vast adres, vast adres, adres, adressen, adreswijziging
        + dakloos: daklozenopvang, zwervend, zwerver, zwervers, slaapplek, slaapplaats, geen dak boven het hoofd, dak boven het hoofd, bij vrienden slapen, op de bank slapen, noodwoning, tijdelijke woonruimte, vakantiepark, camping, chalet, opvangplek, dakloosheid, thuisloosheid, buitenslapen, buiten slapen
        + kwaliteitvanwoning: schimmelvorming, vochtig, vochtige, lekkage, lekt, tochtig, koud huis, slecht geisoleerd, isolatie, isoleren, kou, beschimmeld, ongedierte, muizen, overbewoning, overbewoond, gehorig

        # ---------------------------------------------------------------
        # Wmo: begeleiding, dagbesteding, beschermd wonen, lokaal aanbod
        # ---------------------------------------------------------------
        + begeleiding: begeleid, dagbegeleiding, thuisbegeleiding, persoonlijk begeleider, woonbegeleider, ambulant begeleider, ambulant, ambulante, begeleide, begeleidt, begeleidingsuren, begeleidingsbehoefte, ondersteuner, zorgcoach
        + algemenevoorziening: dagactiviteiten, dagopvang, activiteitencentrum, dagcentrum, ontmoetingscentrum, inloophuis, buurtkamer, huiskamer in de wijk, zorgboerderij, dag besteding, dagbestedingsplek, wijkpunt, buurtcentrum, sociaal team, gebiedsteam, toegangsteam, wmo-loket, wmo loket
        = sociaalwerker: maatschappelijk werk, maatschappelijk werker, maatschappelijk werkers, sociaal werker, sociaal werkers, sociaal werk, ouderenadviseur, ouderenwerker, welzijnswerker, welzijnsorganisatie, buurtcoach, wijkcoach, jongerenwerker, jongerenwerk, formulierenbrigade, sociaal raadsman, sociaal raadslieden, schoolmaatschappelijk werk, straathoekwerker
        + verpleeghuis: beschermde woonvorm, woonvorm, woonvormen, begeleid wonen, kleinschalig wonen, woongroep, wooninitiatief, ouderinitiatief, bejaardenhuis, bejaardentehuis, verpleeghuizen, verzorgingshuizen, verpleeghuisplek, opgenomen worden, intramurale zorg, kliniek, instellingsplek, zorgappartement, wonen met zorg
        + mantelzorg: mantelzorgster, mantel zorg, mantel zorger, mantelzorgtaken, zorgtaken, mantelzorgende, mantelzorgerschap, jonge mantelzorger, jonge mantelzorgers, bovengebruikelijke zorg, boven gebruikelijke zorg, bovengebruikelijk, bovengebruikelijke, gebruikelijke hulp, vrijwillig, vrijwillige, vrijwilligerswerkje, vrijwilligersbaan, onbetaald werk, vrijwilligerscentrale
        + overbelasting: respijt, respijt zorg, adempauze, op adem komen, even op adem komen, vervangende zorg, vervangende mantelzorg, zorgvakantie, er even tussenuit, tussenuit, zwaarbelast, zwaar belast, overvraagd, overvragen, overvraagt, op haar tandvlees, op zijn tandvlees, op het tandvlees, loopt op zijn tandvlees, loopt op haar tandvlees, kapot gaan, ten onder gaan, instorten, ingestort, omvallen, het niet meer trekken, niet meer trekken, volhouden, vol te houden, niet vol te houden, mantelzorgdruk
        + verzorging: aan- en uitkleden, uitkleden, steunkousen aantrekken, wondzorg, medicatie toedienen, medicijnen aanreiken, persoonlijke hygiene, hygiene, douchen en aankleden, verzorgende, verzorgenden, verzorgende ig
        + alarmering: alarmsysteem, alarmeringssysteem, halsalarm, polsalarm, bewegingssensor, bewegingsmelder, leefstijlmonitor, zorg op afstand, beeldbellen, videobellen
        + logeren: logeerweekend, logeerweekenden, logeerplek, logeerboerderij, weekendje weg, weekendlogeren
        + vervoer: regio taxi, regiotaxipas, taxibus, taxibusje, wmo taxi, vervoerspas, buurtbus, belbus, aanvullend vervoer, aangepast vervoer, vervoersdienst, rolstoeltaxi, rolstoelbus, zittend ziekenvervoer, ziekenvervoer, openbaarvervoer, kilometerbudget, ritbudget, ritprijs, opstaptarief, zonetarief, vervoerder, vervoerders, taxibedrijf, taxibedrijven, reisafstand, reiskosten, reiskostenvergoeding, vervoersvergoeding

        # ---------------------------------------------------------------
        # Vervoer en leerlingenvervoer
        # ---------------------------------------------------------------
        + leerlingenvervoer: leerlingvervoer, leerlingen vervoer, leerlingenvervoersregeling, vervoersregeling, leerlingenbusje, schoolbusje, aangepast schoolvervoer, vervoer naar school, naar school rijden, wegbrengen, weggebracht, brengt weg, zelf brengen, zelf wegbrengen, naar school gebracht
        + fiets: fietsend, gefietst, fietstocht, fietsafstand, op fietsafstand, fietsroute, fietsbaar, loopafstand, op loopafstand, fietstraining, fietsvaardig, fietsvaardigheid, fietsles, fietsexamen, fietsje
        + auto: eigen vervoer, zelf rijden, met de auto, autootje, met eigen auto, rijdt zelf, gereden
        = chauffeur: chauffeur, chauffeurs, taxichauffeur, taxichauffeurs, buschauffeur, vaste chauffeur, wisselende chauffeurs, andere chauffeur, steeds een andere chauffeur
        = onderweg: onderweg, lang onderweg, heen en terug, enkele reis, rijtijd, ritduur, omrijden, omweg, route, routes, ophalen, opgehaald, haalt op, ophaaltijd, ophaaltijden, te laat op school, vroeg opstaan, lange rit, lange ritten, uren in de taxi, uren in de bus, medepassagiers, andere kinderen in de bus, ritten combineren
        = ovreizen: overstappen, overstap, overstapt, overstappen op, aansluiting, aansluitingen, dienstregeling, bushalte, bushaltes, halte, haltes, station, stations, perron, chipkaart, ov-chipkaart, studentenreisproduct, studenten ov, ov abonnement, busabonnement, buskaart, treinkaartje, kaartje, reisproduct
        = verkeer: verkeer, verkeersveiligheid, verkeersveilig, verkeersonveilig, verkeerssituatie, druk verkeer, drukke weg, drukke wegen, oversteken, oversteekt, kruispunt, kruispunten, rotonde, provinciale weg, fietspad, fietspaden, in het donker, donker, onverlicht, verlichting, aangereden, aanrijding, verkeersongeluk, vrachtverkeer, hard rijden
        = afstandsgrens: afstandsgrens, kilometergrens, afstandscriterium, afstandsnorm, drempelafstand, zes kilometer, meer dan zes kilometer, hemelsbreed, kortste route, kortste afstand, afstand tot school

        # ---------------------------------------------------------------
        # Jeugd: hulp, gezin, pleegzorg, crisis
        # ---------------------------------------------------------------
        + jeugdzorg: jeugd zorg, jeugdzorgwerker, jgz, jeugdgezondheidszorg, consultatiebureau, pleegouder, pleegouders, pleegkind, pleegkinderen, pleegmoeder, pleegvader, netwerkpleegzorg, speltherapie, gezinstherapie, systeemtherapie, behandelaar, behandelaars, behandeltraject, behandelplan, kinderpsycholoog, jeugdpsychiater, kinderpsychiater
        + keukentafel: keukentafelgesprekken, keukentafel, aan de keukentafel, keukentafel gesprek, huisbezoeken, consulenten, klantmanagers, casemanagers, indicatiesteller, indicatiestelling, beoordelaar, gemeentemedewerker, gemeentemedewerkers, medewerker van de gemeente, jeugdconsulent, jeugdconsulenten, inkomensconsulent, participatieconsulent, werkconsulent, gesprekspartner, onderzoeksverslag, rapportage, rapport, wmo-onderzoek, wmo onderzoek, wmo consulent
        = uithuisplaatsing: uithuisplaatsing, uithuisplaatsingen, uit huis plaatsen, uit huis geplaatst, uit huis geplaatste, uit huis plaatsing, gezinshuis, gezinshuizen, residentiele jeugdzorg, residentieel, gesloten jeugdzorg, jeugdinstelling, leefgroep, internaat, weg uit het gezin, niet meer thuis wonen
        = gezinsondersteuning: gezinsbegeleiding, gezinsondersteuning, gezinscoach, gezinscoaching, gezinsbehandeling, opvoedondersteuning, opvoedingsondersteuning, ouderbegeleiding, ouderondersteuning, opvoedcursus, oudercursus, opvoedadvies, opvoedvragen, opvoedingsvragen, opvoedproblemen, opvoedingsproblemen, video-hometraining, vht, thuisbehandeling, gezinswerker
        = zorgzwaarte: specialistisch, specialistische, specialistische jeugdhulp, specialistische hulp, zorgzwaarte, zorgintensiteit, intensief, intensieve, intensieve zorg, intensieve begeleiding, complexe zorg, complexe problematiek, meervoudige problematiek, multiprobleem, multiprobleemgezin, dag en nacht, continu toezicht, toezicht, permanent toezicht, een-op-een begeleiding
        = crisis: crisis, crisissituatie, crisissituaties, crisisopvang, crisisdienst, crisisplaatsing, noodsituatie, noodgeval, noodgevallen, acute nood, hoge nood, nood aan de man, calamiteit
        = suicidaliteit: suicide, suicidaal, suicidale, suicidaliteit, zelfmoord, zelfmoordgedachten, zelfdoding, doodsgedachten, levensmoe, een einde aan maken, einde aan zijn leven, einde aan haar leven, niet meer willen leven, zelfbeschadiging, zichzelf beschadigen, automutilatie
        = meerderjarig: meerderjarig, meerderjarige, meerderjarigheid, achttien worden, achttiende, achttien jaar, volwassen worden, volwassenheid, volwassene, volwassenen, jongvolwassene, jongvolwassenen, jongvolwassen, overgang naar volwassenheid, verlengde jeugdhulp, verlengde jeugdzorg, verlengde pleegzorg, minderjarig, minderjarige, minderjarigen
        = gedrag: gedragsproblemen, gedragsprobleem, probleemgedrag, gedragsstoornis, gedragsstoornissen, agressie, agressief, agressieve, driftbui, driftbuien, woedeaanval, woedeaanvallen, grensoverschrijdend, grensoverschrijdend gedrag, moeilijk gedrag, storend gedrag, onhandelbaar, onhandelbare, uitbarsting, uitbarstingen, gedragsdeskundige
        = overprikkeling: overprikkeld, overprikkelde, overprikkeling, prikkelverwerking, prikkelgevoelig, prikkelgevoelige, ontregeld, ontregeling, ontregelt, drukte, drukke omgeving, rumoer, lawaai, rust nodig, rustige omgeving, voorspelbaarheid, veranderingen in routine, vaste routine
        + psychisch: autistisch, autistische, ass, autismespectrumstoornis, add, pdd-nos, hechtingsstoornis, hechtingsproblematiek, psychiatrie, psychiatrisch, psychiatrische, psychiater, psychose, psychotisch, schizofrenie, bipolair, borderline, persoonlijkheidsstoornis, ptss, angststoornis, paniekaanval, paniekaanvallen, depressiviteit, eetstoornis, anorexia, psychische klachten, psychische problemen, psychische problematiek, mentale gezondheid, mentaal, mentale, overspannen, overspannenheid, jeugd-ggz, jeugd ggz, ggz-instelling, dementerend, dementerende, geheugenproblemen, vergeetachtig, vergeetachtigheid, cognitief, cognitieve, ocd, dwangstoornis, somber, somberheid
        = verwijzing: verwijzing, verwijzingen, verwijzen, verwijst, verwezen, doorverwijzing, doorverwijzen, doorverwezen, doorverwijst, verwijsbrief, verwijzer, via de huisarts, praktijkondersteuner, poh, poh-ggz
        + ouders: mama, papa, mam, pap, stiefvader, stiefmoeder, stiefouder, stiefouders, vader en moeder, ouderschap, ouderlijk, ouderlijke, ouderlijk gezag, voogd, voogdij, ouderrol, opvoedende, werkende ouders, opvoedkundig
        + kinderen: kindje, kindjes, kinders, peuter, peuters, kleuter, kleuters, tieners, pubers, adolescent, adolescenten, gezinnetje, gezinssituatie, kinderrijk, groot gezin, kleinzoon, kleindochter, kleinzonen, kleindochters, zoontje, dochtertje, jongen, meisje, meisjes, jongetje
        + familie: broertje, zusje, broertjes, zusjes, broers en zussen, zwager, schoonzus, schoonbroer, schoonzoon, schoondochter, schoonmoeder, schoonvader, schoonouders, opa, oma, grootouders, grootmoeder, grootvader, nichtje, neefje, familieband, familiebanden, familiekring, familieleden helpen
        + partner: eenoudergezin, eenoudergezinnen, alleenstaande ouder, alleenstaande moeder, alleenstaande vader, echtscheiding, vechtscheiding, uit elkaar, uit elkaar gegaan, co-ouderschap, coouderschap, omgangsregeling, ex, expartner, ex-partner, ex-man, ex-vrouw, samenwonende partner, echtpaar, man en vrouw
        + kinderbelang: kind centraal, kind voorop, belang van kinderen, in het belang van het kind, kinderrechten, kinderrechtenverdrag, ontwikkelingskansen, welzijn van het kind, kindvriendelijk, kindvriendelijke, kansrijk, kansarm, kansarme
        + huiselijk: kindermishandeling, partnergeweld, ouderenmishandeling, seksueel misbruik, financieel misbruik, meldcode, vrouwenopvang, blijf van mijn lijf, blijfhuis, onveilig thuis, ruzie thuis

        # ---------------------------------------------------------------
        # Onderwijs
        # ---------------------------------------------------------------
        + school: schooltje, schoolgaand, schoolgaande, schooldag, schooldagen, schooltijd, schooltijden, lesuren, docent, docenten, leraar, leraren, leerkracht, leerkrachten, juf, mentor, sbo, praktijkonderwijs, vmbo, havo, vwo, mbo, hbo, speciale school, speciaal onderwijs school, mytylschool, tyltylschool, zml, zmlk, startkwalificatie, onderwijsinstelling, schoolbank, schoolloopbaan, stage, stages, stageplek, stageplaats
        = thuiszitter: thuiszitter, thuiszitters, thuiszitten, geen school, niet naar school, schooluitval, schoolverzuim, verzuim, verzuimt, leerplichtambtenaar, leerplichtontheffing, vrijstelling van de leerplicht, vrijstelling leerplicht, uitgeschreven van school, schoolweigering, schoolweigeraar, geen passende plek, geen plek op school
        = onderwijsondersteuning: samenwerkingsverband, samenwerkingsverbanden, ondersteuningsprofiel, zorgarrangement, onderwijszorgarrangement, onderwijs-zorgarrangement, arrangement, intern begeleider, ib-er, iber, zorgcoordinator, remedial teacher, onderwijsassistent, klassenassistent, schoolbegeleider, begeleiding in de klas, extra ondersteuning op school, toelaatbaarheidsverklaring, tlv, ontwikkelingsperspectief, opp
        = leerproblemen: dyslexie, dyslectisch, dyscalculie, leerprobleem, leerproblemen, leerstoornis, leerstoornissen, leerachterstand, leerachterstanden, onderwijsachterstand, taalachterstand, hoogbegaafd, hoogbegaafdheid, moeilijk lerend, moeilijk lerende, leerbaar
        = schoolkosten: schoolkosten, schoolgeld, lesgeld, collegegeld, schoolspullen, leermiddelen, schoolboeken, boekengeld, vrijwillige ouderbijdrage, laptop voor school, schoolkamp, schoolreis
        = studiefinanciering: studiefinanciering, stufi, duo, studieschuld, studielening, aanvullende beurs, basisbeurs, studiekosten, studentenkamer

        # ---------------------------------------------------------------
        # Werk en Participatiewet
        # ---------------------------------------------------------------
        + werk: vacature, vacatures, sollicitatiebrief, sollicitatiebrieven, sollicitatiegesprek, sollicitatiegesprekken, werk zoeken, werk vinden, baan vinden, baan zoeken, baantje, baantjes, bijbaan, bijbaantje, uitzendwerk, uitzendbureau, oproepkracht, nulurencontract, flexwerk, loondienst, in dienst, dienstverband, arbeidscontract, werkende, werkenden, werknemer, werknemers, collega, collegas, soliciteren, solicitatie, werkuren, werkweek
        = werkloosheid: werkloos, werkloze, werklozen, werkloosheid, werkzoekend, werkzoekende, werkzoekenden, baanloos, zonder werk, geen werk, geen baan, zonder baan, ontslagen, ontslag, baan kwijt, werk kwijt, langdurig werkloos, langdurig werklozen, thuis zonder werk
        = ondernemer: ondernemer, ondernemers, zzp, zzper, zzp-er, zelfstandig ondernemer, zelfstandige ondernemer, eigen bedrijf, eigen zaak, bedrijfje, onderneming, ondernemen, bbz, freelancer, freelance, starter, starten met een bedrijf, kvk
        + reintegratie: reintegreren, re-integreren, re integratie, reintergratie, werktraject, participatietraject, activeringstraject, leerwerktraject, werkervaring, werkervaringsplek, proefplaats, participatieplek, sociale activering, werkcoach, jobhunter, werkgeversservicepunt, garantiebaan, garantiebanen, banenafspraak, beschutte werkplek, beschutte arbeid, sw-bedrijf, werkbedrijf, participatiebedrijf, sociaal ontwikkelbedrijf, leerwerkbedrijf, uitstroom, uitstromen, uitstroom naar werk, terug naar werk, aan het werk helpen, aan het werk, tegenprestaties, tegen prestatie, werkleertraject
        + arbeidsvermogen: ontheffingen, ontheven, vrijgesteld, arbeidsplicht, arbeids plicht, sollicitatieverplichting, sollicitatieplichtig, sollicitatie plicht, tijdelijke ontheffing, volledige ontheffing, afgekeurd, afgekeurd voor werk, niet belastbaar, beperkt belastbaar, verminderd arbeidsvermogen, duurzaam geen arbeidsvermogen, afstand tot de arbeidsmarkt, afstand tot werk, grote afstand tot de arbeidsmarkt, werkvermogen, arbeidsgeschikt, arbeidsgeschiktheid, urenbeperking
        + stimulans: iets terugdoen, iets terug doen, wat terugdoen, wat terug doen, tegenover staan, er mag iets tegenover staan, daar mag iets tegenover staan, stimulerend, stimulerende, gestimuleerd, ongemotiveerd, ongemotiveerde, aansporen, aansporing, stok achter de deur, duwtje, duwtje in de rug, zetje, stok en wortel
        = inzetbereidheid: bereid, bereidheid, bereidwillig, bereidwillige, werkwillig, werkwillige, welwillend, welwillende, onwillig, onwillige, onwil, onwilligheid, zijn best doen, haar best doen, best doen, doet haar best, doet zijn best, moeite doen, doet moeite, wil graag werken, graag willen werken, meewerken, meewerkt, meegewerkt, medewerking, medewerkingsplicht, weigert mee te werken, inspanning, inspanningen, inspanningsverplichting, zich inspannen, doorzettingsvermogen, doorzetter, eigen initiatief, proactief, actief, actieve, passief, passieve
        = capaciteit: in staat, niet in staat, onmacht, onvermogen, aankunnen, aankan, niet aankan, kan het niet aan, niet opgewassen, opgewassen tegen, lukt, lukken, gelukt, lukte, lukt niet, lukt het niet, niet lukt, te hoog gegrepen, niet haalbaar voor haar, niet haalbaar voor hem
        = veeleisend: veeleisend, veeleisende, eisend, claimend, claimgedrag, hebberig, hebzucht, hebzuchtig, graaien, graaicultuur, inhalig, onderste uit de kan, het onderste uit de kan, alles willen, overvragen van de gemeente, mondig, mondige
        = taaleis: taaleis, taalplicht, taaltoets, taaltoetsen, nederlandse taal, taal leren, nederlands leren, taalles, taallessen, taalvaardigheid, taalvaardig, inburgeringsexamen, inburgeringsplicht, inburgeringscursus, nt2, taalmaatje, taalschool, taalcoach, taalklas, nederlands spreekt, spreekt geen nederlands, spreekt slecht nederlands
        + migratie: asielzoeker, asielzoekers, azc, gezinshereniging, inburgeraar, inburgeraars, migrant, migranten, allochtoon, allochtonen, buitenlander, buitenlanders, oekrainer, oekrainers, oekraiense, digid, inloggen, website, app, apps, smartphone, laptop, tablet, digitaal vaardig, digitale vaardigheden, digitaal loket, digivaardig
        + zoektermijn: vier weken zoektijd, zoekplicht, eerst zelf werk zoeken
        + sanctie: terugvorderingen, terugvorderingsbesluit, vordering, vorderingen, boeteoplegging, bestuurlijke boete, strafkorting, sanctioneren, gesanctioneerd, beboet, beboeten, opschorten, opgeschort, opschorting, schorsen, geschorst, blokkeren, geblokkeerd, stopzetting, beeindigen, beeindigd, beeindiging, intrekking, uitkering stopgezet, uitkering ingetrokken
        = afschrikking: afschrikking, afschrikken, afschrikwekkend, afschrikwekkende, afschrikeffect, lik op stuk, hard aanpakken, harde aanpak, keihard aanpakken, streng optreden, strenger optreden, lesje leren, een lesje, preventieve werking
        = toeslagenaffaire: toeslagenaffaire, toeslagenschandaal, toeslagen affaire, kinderopvangtoeslagaffaire, belastingdienst, de belastingdienst, ongekend onrecht, parlementaire enquete, fraudejacht, fraudeaanpak, harde fraudeaanpak, fraudeaanpak van de overheid, de toeslagenouders, toeslagenouders
        + misbruik: zwartwerk, zwart werk, zwart werken, zwart bijverdienen, onder de tafel, zwart geld, frauderen met, oplichting, oplichten, opgelicht, bedrog, bedriegen, sjoemelen, gesjoemel, foefje, trucje, slim gebruik maken, misbruikt, misbruikers
        + opzet: te kwader trouw, met opzet, expres, express, doelbewust, moedwillig, bewust verzwegen, verzwijgen, verzwegen, verzwijgt, achterhouden, achtergehouden, liegen, gelogen, liegt, leugen, leugens, jokken
        = overmacht: overmacht, pech, tegenslag, tegenslagen, domme pech, noodlot, buiten haar schuld, buiten zijn schuld, buiten eigen schuld, kan er niks aan doen, kan er niets aan doen, niets aan te doen, overkomen, overkomt, overkwam, niet voor gekozen, niet zelf gekozen, onverwacht, onverwachts, onverwachte, plotseling, plotselinge, van de ene op de andere dag, onvoorzien, onvoorziene
        + fout: foutje, vergissingen, vergissen, vergist zich, misser, blunder, administratieve fout, menselijke fout, verkeerd ingevuld, verkeerd doorgegeven, te laat doorgegeven, niet doorgegeven, over het hoofd gezien

        # ---------------------------------------------------------------
        # Gezondheid, beperking, ouderen
        # ---------------------------------------------------------------
        + gezondheid: gezondheidstoestand, gezondheidsklachten, gezondheidsproblemen, gezondheidssituatie, medische situatie, medische toestand, gezondheidsschade, gezonder
        + ziekte: ziek zijn, ziekelijk, kanker, ms, multiple sclerose, parkinson, copd, longziekte, longziekten, hartfalen, hartpatient, hartproblemen, diabetes, suikerziekte, beroerte, herseninfarct, cva, niet aangeboren hersenletsel, nah, hersenletsel, epilepsie, fibromyalgie, long covid, cvs, spierziekte, ongeneeslijk, ongeneeslijke, verslechterd, verslechteren, achteruitgegaan, gaat achteruit, gaat hard achteruit
        + diagnose: praktijkondersteuner huisarts, bedrijfsarts, verzekeringsarts, geriater, neuroloog, revalidatiearts, kinderarts, medisch dossier, artsenverklaring, doktersverklaring, medisch onderzoek, medische keuring, medische informatie, wijkverpleegkundige indicatie
        + beperking: gehandicapten, handicaps, lichamelijk gehandicapt, verstandelijk gehandicapt, verstandelijk beperkt, verstandelijke beperkingen, lvb, licht verstandelijke beperking, zwakbegaafd, zwakbegaafdheid, laag iq, meervoudig gehandicapt, emb, ernstig meervoudige beperking, motorische beperking, dwarslaesie, verlamd, verlamming, halfzijdig verlamd, amputatie, geamputeerd, visuele beperking, auditieve beperking, gehoorbeperking, slechtziendheid, doofheid, blindheid, mensen met een beperking, invaliditeit, functiebeperking, functiebeperkingen
        + mobiliteit: rolator, loopt moeilijk, moeilijk lopen, slecht lopen, niet meer lopen, kan niet lopen, immobiel, minder mobiel, bedlegerig, aan huis gebonden, huisgebonden, aan bed gebonden, loopfunctie, loopvermogen, evenwichtsproblemen, wandelstok
        + ouderdom: hoogbejaarde, oude dag, op hoge leeftijd, hoge leeftijd, gevorderde leeftijd, oudje, oudjes, plussers, plusser, gepensioneerd, gepensioneerde, gepensioneerden, met pensioen, vergrijzing, vergrijsd, levensavond, ouderenzorg, bejaardenzorg, oudere dame, oudere heer, oude vrouw, oude man, hoogbejaarden
        + noodzaak: medisch noodzakelijk, medische noodzaak, hard nodig, broodnodig, onmisbare, levensnoodzakelijk, onvermijdelijk, onvermijdelijke, noodzakelijkheid, kan niet zonder, niet zonder kunnen
        + luxe: luxeproduct, luxe artikel, luxegoed, comfort, comfortabel, comfortabele, gemaksproduct, wensenlijstje, gewenst, pluspakket, extra luxe
        = leefstijl: leefstijl, levensstijl, roken, rookt, rookster, overgewicht, obesitas, afvallen, afgevallen, ongezond leven, ongezonde leefstijl, gezonde leefstijl
        = nachtrust: slaap, slapen, slaapt, sliep, nachtrust, doorslapen, slaapproblemen, slaaptekort, slecht slapen, nachtelijk, nachtelijke, nachts, snachts, nacht, nachten, wakker
        = zwangerschap: zwanger, zwangerschap, bevalling, bevallen, pasgeboren, pasgeborene, kraamzorg, kraamtijd, zwangere, verwacht een kind, baby op komst
        + levenseinde: levensverwachting kort, nog maar kort, ongeneeslijk ziek, stervende, sterft, stierf, laatste fase
        = rouw: rouw, rouwen, rouwt, rouwverwerking, rouwproces, verlies van haar man, verlies van haar vrouw, verlies van zijn vrouw, verlies van haar kind, nabestaande, nabestaanden, verweduwd
        = uitvaart: uitvaart, uitvaartkosten, begrafenis, begrafeniskosten, crematie, crematiekosten, uitvaartverzekering, begraven, gecremeerd

        # ---------------------------------------------------------------
        # Eenzaamheid, netwerk, meedoen
        # ---------------------------------------------------------------
        + eenzaamheid: vereenzaamd, vereenzaamt, eenzaamheidsgevoelens, sociaal isolement, weinig contacten, geen contacten, geen bezoek, bezoekjes, visite, praatje, een praatje maken, kletsen, gezelligheid, gezellig, ontmoeten, ontmoeting, ontmoetingen, onder de mensen, onder mensen, sociaal leven, sociale leven, zit alleen, zit thuis alleen, kluizenaar, niemand om zich heen
        + netwerk: eigen netwerk, netwerk inschakelen, mensen om haar heen, mensen om hem heen, kennissenkring, naasten, naaste, dierbaren, vriendschap, vriendschappen, kerkgenoten, vrienden en familie, sociaal netwerkje
        + participatie: uitsluiting, sociale uitsluiting, buitengesloten, uitgesloten, buitenspel, niet mee kunnen doen, aan de kant staan, aan de zijlijn, meedoen in de samenleving, mee kunnen doen, meedoet aan, erbij horen als
        = conflict: ruzie, ruzies, ruziemaken, conflict, conflicten, conflictueus, onmin, gebroken relatie, contact verbroken, geen contact meer, slechte band, slechte relatie, verstoorde relatie, verstoord, gebrouilleerd
        = overlast: overlast, overlastgevend, overlastgevende, geluidsoverlast, burenruzie, burenruzies, burenoverlast, klachten van buren, buren klagen
        = criminaliteit: criminaliteit, crimineel, criminele, politie, justitie, strafblad, jeugdcriminaliteit, hangjongeren, rondhangen, op straat rondhangen, verkeerde vrienden, foute vrienden, verkeerde pad, op het verkeerde pad, jeugdreclassering, reclassering, gevangenis, detentie, ex-gedetineerde

        # ---------------------------------------------------------------
        # Zelfredzaamheid, autonomie, privacy
        # ---------------------------------------------------------------
        + zelfredzaam: zelfredzamer, redzaam, zelf redzaam, zichzelf redden, zich redden, redt zich, redt zichzelf, zelfstandiger, op eigen houtje, eigen kunnen, eigen mogelijkheden, regie over het eigen leven, eigen leven leiden, vrijheid, bewegingsvrijheid, vrij bewegen, zelfstandig blijven, zelfstandig functioneren
        + afhankelijk: afhankelijker, afhankelijke, aangewezen zijn op, overgeleverd aan, moet steeds vragen, steeds om hulp vragen, last bezorgen, tot last zijn, anderen lastigvallen
        = keuzevrijheid: keuzevrijheid, vrije keuze, zelf kiezen, zelf uitkiezen, zelf bepalen, zelfbeschikking, zelfbeschikkingsrecht, zeggenschap, keuzemogelijkheid, keuzemogelijkheden, keuze uit aanbieders, eigen zorgverlener kiezen
        = vertrouwensband: vertrouwensband, vertrouwensrelatie, band, klik, vertrouwd gezicht, vertrouwde gezichten, bekend gezicht, bekende gezichten, vertrouwde hulpverlener, vaste begeleider, vaste hulpverlener, vast gezicht, hechting, gehecht aan
        = betutteling: betutteling, betuttelen, betutteld, bevoogding, paternalistisch, paternalisme, voor iemand beslissen, over de hoofden, over haar hoofd, over zijn hoofd, over hun hoofd, bepalen wat goed is, bemoeizucht, bemoeien, bemoeit, bemoeienis, inmenging, dwingen, gedwongen, dwang
        = privacy: privacy, privacygevoelig, privacygevoelige, privesfeer, priveleven, persoonlijke levenssfeer, achter de voordeur, inbreuk, inbreuk op privacy, gegevens delen, medisch geheim, beroepsgeheim, avg, gluren, snuffelen

        # ---------------------------------------------------------------
        # Regels, maatwerk, rechtvaardigheid
        # ---------------------------------------------------------------
        + regels: spelregels, eisen, eis, vereisten, vereiste, toetsingskader, kader, kaders, binnen de kaders, buiten de kaders, reglement, voorschrift
        + wet: rechtbank, wetsartikel, artikel, wetstekst, wettekst, bedoeling van de wet, geest van de wet, letter van de wet, wettig, onwettig, onrechtmatig, jeugd wet
        + beleid: beleidsmakers, beleidsmaker, raadsleden, raadslid, gemeentebestuur, burgemeester, wethouders, coalitie, gemeentepolitiek, lokale politiek, beleidsmatig
        = rijksoverheid: rijksoverheid, het rijk, den haag, kabinet, minister, ministerie, tweede kamer, kamerleden, landelijke politiek, decentralisatie, decentralisaties, gedecentraliseerd, gemeentefonds, rijksbijdrage, landelijke regels, landelijk beleid, staatssecretaris
        + maatwerk: maatwerkoplossing, maatwerkoplossingen, op maat, op maat gemaakt, maat werk, individuele afweging, per situatie, per individu, per gezin, individueel bekijken, naar de persoon kijken, naar de situatie kijken, kijken naar de situatie, persoonsgericht, persoonsgerichte, bijzondere omstandigheden, afwijken, afwijken van de regels, afwijking, uitzonderingsgeval, uitzonderlijk, uitzonderlijke, coulant, coulanter, ruimhartig, ruimhartiger, soepelheid, discretionaire ruimte, beleidsruimte, beleidsvrijheid, onbillijkheid van overwegende aard, ruimte voor maatwerk
        + starheid: starheid, stug, stugge, onbuigzaam, inflexibel, onflexibel, koppig, halsstarrig, blind volgen, blindstaren, blindstaren op regels, star vasthouden, vasthouden aan regels, regels boven mensen, papieren werkelijkheid, strengheid, strenge regels, hokje, in een hokje, regelgericht, formalistisch
        + eerlijk: oneerlijkheid, onrecht, onrechtvaardigheid, gelijke gevallen, gelijk speelveld, scheef, scheve, scheefgroei, ongelijk, ongelijke, ongelijke behandeling, discriminatie, discrimineren, gediscrimineerd, achtergesteld, achterstelling, benadeeld, benadelen, bevoordeeld, bevoordelen, rechtsongelijkheid, eerlijkheid, niet eerlijk, fair, unfair
        + willekeur: postcodeloterij, afhankelijk van woonplaats, willekeurigheid, grillig, nattevingerwerk, natte vinger, toevalligheid
        + precedent: presedent, precident, voorbeeldwerking, dan kan iedereen, straks wil iedereen, dan wil straks iedereen, iedereen op de stoep, dan staat iedereen op de stoep, dan komen er meer, waar leg je de grens, waar trek je de grens, grens trekken, grens leggen, olievlek, olievlekwerking, domino-effect, dominoeffect, verkeerd signaal, verkeerde signaal, signaal afgeven, verkeerde boodschap, meer mensen in dezelfde situatie, anderen in dezelfde situatie
        + solidariteit: naastenliefde, omzien naar elkaar, omkijken naar elkaar, zorgen voor elkaar, sociaal vangnet, vangnetfunctie, kwetsbaarste, kwetsbaarsten, zwaksten, de zwakken, minderbedeelden, minder bedeelden, sociale samenleving
        + verantwoordelijkheid: eigenverantwoordelijkheid, eigen verantwoordelijkheid nemen, verantwoordelijkheid nemen, zelf opdraaien, zelf voor opdraaien, zelf de kosten, eigen keus, zelf gekozen, zelf voor gekozen, bewuste keuze, had moeten sparen, had kunnen sparen, had moeten regelen, vooruit denken, vooruitzien, eigen broek ophouden, broek ophouden, eigen boontjes doppen, boontjes doppen, op eigen kosten, voor eigen rekening, eigen rekening, ouderlijke verantwoordelijkheid, verantwoordelijkheid van de ouders, verantwoordelijkheid van ouders
        + plicht: taak van de gemeente, gemeentelijke taak, wettelijke taak, wettelijke plicht, verplicht om, zorgplichtig, verantwoordelijkheid van de gemeente, gemeente is verantwoordelijk
        + recht: heeft recht, recht hebben op, rechthebbende, rechthebbenden, aanspraak maken, aanspraak maken op, rechtspositie, rechtszekerheid, rechtsstaat
        = principe: principieel, principiele, uit principe, principekwestie, om het principe, grondbeginsel, uitgangspunt, uitgangspunten, fundamenteel, fundamentele
        = proportionaliteit: proportioneel, proportionele, proportionaliteit, disproportioneel, disproportionele, buiten proporties, onevenredig, onevenredige, evenredig, evenredige, in verhouding, uit verhouding, niet in verhouding, buitenproportioneel, overkill, paardenmiddel, met een kanon op een mug, redelijke verhouding
        = gezondverstand: gezond verstand, boerenverstand, nuchter, nuchtere, nuchterheid, common sense, met verstand, logisch nadenken, verstandelijk bekeken, het ligt voor de hand, ligt voor de hand, voor de hand liggend
        = haalbaar: haalbaar, haalbare, haalbaarheid, onhaalbaar, onhaalbare, uitvoerbaar, uitvoerbare, uitvoerbaarheid, onuitvoerbaar, realistisch, realistische, onrealistisch, onrealistische, werkbaar, werkbare, onwerkbaar, onpraktisch, reeel, reele, irreeel, doenlijk
        = meewegen: meewegen, meegewogen, meeweegt, rekening houden met, rekening mee houden, rekening gehouden, houdt rekening, in overweging nemen, in acht nemen, meenemen in, buiten beschouwing, buiten beschouwing gelaten, over het hoofd zien, genegeerd, negeren, negeert, voorbijgaan aan, gaat voorbij aan, meegenomen
        = vooroordeel: vooroordeel, vooroordelen, aanname, aannames, veronderstelling, verondersteld, stereotype, stereotiep, generaliseren, generalisatie, over een kam scheren, over een kam, wegzetten, weggezet, afgeschilderd, etiket, etiketje, beeldvorming, vooringenomen, vooringenomenheid
        = bewijs: bewijs, bewijzen, bewezen, bewijst, aantonen, aangetoond, aantoont, aantoonbaar, aantoonbare, bewijslast, hard maken, hardmaken, papieren bewijs, bonnetjes, bonnen, kassabon, kassabonnen, bewijsstukken, bewijsstuk, stukken overleggen, aannemelijk, aannemelijke, aannemelijk maken
        = laatsteredmiddel: laatste redmiddel, laatste vangnet, laatste strohalm, laatste optie, sluitstuk, ultimum remedium, laatste mogelijkheid
        = walenschip: tussen wal en schip, tussen de wal en het schip, tussen twee stoelen, buiten de boot, buiten de boot vallen, uit de boot vallen, tussen de regels door, buiten alle regelingen, nergens terecht, nergens terecht kunnen, kan nergens terecht, van het kastje naar de muur, kastje naar de muur, van loket naar loket, doorgeschoven, verkokering, verkokerd, schotten, niemand verantwoordelijk, niemand voelt zich verantwoordelijk, zwartepieten, wijzen naar elkaar

        # ---------------------------------------------------------------
        # Menselijkheid, respect, vertrouwen, imago
        # ---------------------------------------------------------------
        + waardigheid: onmenselijk, onmenselijke, inhumaan, inhumane, humaan, humane, humaniteit, menswaardigheid, mensonterend, mensonterende, ontmenselijkend, ontmenselijking, mensonwaardige, behandeld als een mens, als mens behandelen
        = empathie: empathie, empathisch, empathische, empathieloos, inlevingsvermogen, inleven, inlevend, invoelen, invoelend, invoelbaar, mededogen, compassie, medeleven, meelevend, meeleven, begripvol, begripvolle, begrip tonen, harteloos, harteloze, hardvochtig, hardvochtige, ongevoelig, gevoelloos, koudhartig, zonder hart, barmhartig, barmhartigheid, genadeloos
        + respect: niet serieus genomen, niet gehoord, gehoord worden, gezien worden, waarderen, gewaardeerd, ondergewaardeerd, niet gewaardeerd, erkend, erkennen, respectloos, respectloze, minachting, kleineren, neerkijken op, neergekeken
        + menselijkemaat: leefwereld, mens achter de aanvraag, achter het dossier, mens van vlees en bloed, vlees en bloed, het gaat om mensen, niet alleen cijfers, geen getallen, dossiernummer, nummertje, als nummer behandeld, menselijk contact, menselijke benadering, de menselijke kant
        + vertrouwen: vertrouwensbreuk, geschonden vertrouwen, vertrouwen kwijt, vertrouwen verliezen, vertrouwen herstellen, overheidswantrouwen, cynisme, cynisch, achterdocht, achterdochtig, argwaan, betrouwbare overheid, betrouwbaarheid, geloof in de overheid
        = imago: imago, reputatie, goede naam, slechte naam, slechte pers, in de krant, krant, media, publiciteit, negatieve publiciteit, uitstraling, gezichtsverlies, visitekaartje
        + schaamte: beschaamd, gegeneerd, genant, pijnlijk om te vragen, trots om te vragen, te trots, zelfrespect, eigenwaarde, gezichtsverlies lijden
        = dupe: dupe, de dupe, de klos, slachtoffer, slachtoffers, lijden, lijdt, leed, eronder lijden, lijdt eronder, gedupeerd, gedupeerde, gedupeerden, onevenredig getroffen, hardst getroffen
        = liefdedaad: gunst, gunsten, goede daad, gebaar, een gebaar, gul, gulle, vrijgevig, vrijgevigheid, genereus, royaal, royale, ruimhartig gebaar
        = beleidsverbetering: beleid aanpassen, beleid aangepast, beleidswijziging, beleidsaanpassing, regels aanpassen, regels veranderen, regels herzien, verordening aanpassen, lessen trekken, lering trekken, leren van, leerpunt, leerpunten, verbeterpunt, verbeterpunten, structurele oplossing

        # ---------------------------------------------------------------
        # Procedure, communicatie, onderzoek, bewijs
        # ---------------------------------------------------------------
        + bureaucratie: bureaucraten, bureaucraat, burocratie, bureacratie, beurocratie, burocratisch, beurocratisch, ambtelijke molen, molen, regelzucht, regeldruk, regelgekte, papiermolen, papierwinkel, stapels formulieren, formulierenwoud, loketten, ambtenarij, gedoe, regelneverij, administratieve rompslomp, controlezucht, systeemwereld, digitale formulieren, complex systeem
        + communicatie: contactpersoon, aanspreekpunt, vast aanspreekpunt, terugbellen, teruggebeld, belt terug, geen reactie, geen antwoord, niks gehoord, nooit iets gehoord, telefoontje, telefoon, voicemail, mailen, gemaild, schriftelijk, mondeling, mondelinge, briefje, gecommuniceerd, informeren, geinformeerd, op de hoogte houden, op de hoogte gehouden
        + uitleg: verklaren, verklaring, verduidelijken, verduidelijking, argument, argumenten, beweegreden, beweegredenen, uitlegt, toegelicht, licht toe, onderbouwt, waarom precies, op grond van
        + informatie: informatievoorziening, ontbrekende informatie, aanvullende informatie, extra informatie, feitelijk, feitelijke, cijfermateriaal, kengetallen, statistiek, statistieken
        + transparantie: ondoorzichtig, ondoorzichtige, schimmig, schimmige, achter gesloten deuren, verantwoorden naar inwoners
        + bezwaar: rechtszaak, rechtszaken, procederen, procedeert, advocaat, advocaten, rechtsbijstand, juridisch loket, het juridisch loket, sociaal advocaat, jurist, juristen, bezwaarcommissie, hoorzitting, beroepsprocedure, hoger beroep, bezwaarschriftencommissie, in bezwaar gaan, klachtenprocedure, klachtencommissie, mediation bij bezwaar
        = bemiddeling: mediation, mediator, bemiddeling, bemiddelen, bemiddelaar, in gesprek gaan, met elkaar in gesprek, gesprek aangaan, het gesprek aangaan, samen om tafel, nog eens praten, nog een gesprek, informeel gesprek, de-escaleren
        + zorgvuldig: onafhankelijk advies, onafhankelijke deskundige, onafhankelijk onderzoek, externe deskundige, extern advies, medisch adviseur, onafhankelijke arts, onafhankelijk arts, advies inwinnen, deskundigenadvies, contra-expertise, tweede arts, andere arts, nog een arts, zorgvuldiger, grondiger, nauwkeuriger, uitzoeken wat
        + kwaliteit: expertise, expert, experts, vakkennis, vakmensen, vakman, vakvrouw, specialisme, kennis van zaken, bekwaam, bekwame, onbekwaam, kundig, kwalitatief goed, kwaliteitseisen
        = eigenervaring: ervaringsdeskundige, ervaringsdeskundigen, ervaringsdeskundigheid, ervaringsdeskundig, uit ervaring, eigen ervaring, uit eigen ervaring, zelf meegemaakt, zelf ervaren, persoonlijke ervaring, in mijn omgeving, in mijn eigen omgeving, in mijn familie, in mijn werk, in mijn praktijk, ik werk zelf, als moeder van, als vader van, ik ken iemand, ken iemand
        + evaluatie: evaluatiemoment, evaluatiegesprek, tussenevaluatie, na verloop van tijd, na een tijdje, na afloop, bijstellen, bijgesteld, bijsturen, bijsturing, in de gaten houden, monitoring, follow-up, periodiek, periodieke, periodieke controle, jaarlijks, jaarlijkse, herbeoordelen na, opnieuw kijken, nogmaals bekijken
        + proef: proefperiodes, probeersel, uitprobeert, uitgeprobeerd, geprobeerd, probeert, tijdelijkheid, tijdelijk toekennen, voor bepaalde tijd, bepaalde tijd, beperkte periode, beperkte tijd, proefje, testen, test, getest, experimenteren
        = tweedekans: tweede kans, nieuwe kans, herkansing, nog een kans, kans geven, een kans geven, kans krijgen, voordeel van de twijfel, het voordeel van de twijfel, nog een keer proberen, opnieuw proberen
        = afbouw: afbouwen, afbouw, afgebouwd, bouwt af, geleidelijk afbouwen, afbouwregeling, afbouwperiode, overgangsregeling, overgangstermijn, overgangsperiode, uitfaseren, uitgefaseerd, stapsgewijs, geleidelijk, geleidelijke, langzaam afbouwen, ingroei, ingroeiregeling
        = blijvend: blijvend, blijvende, permanent, permanente, structureel, structurele, langdurig, langdurige, levenslang, levenslange, voor altijd, rest van haar leven, rest van zijn leven, definitief, definitieve, langere tijd, voorgoed
        = eenmalig: eenmalig, eenmaligheid, incidenteel, incidentele, een uitzondering voor een keer, eenmalige uitkering, eenmalige tegemoetkoming
        + compromis: tussenvorm, tussenoplossingen, halverwege, fifty-fifty, fifty fifty, elkaar tegemoet, elkaar tegemoetkomen, win-win, winwin, inschikken, concessie, concessies, half om half, gedeeltelijke vergoeding, deel vergoeden, deel betalen, samen delen, kosten verdelen
        + alternatief: andere mogelijkheid, andere optie, andere manier, andere route, plan b, noodoplossing, goedkoper alternatief, tussenoplossing zoeken, oplosbaar, opgelost, lost op
        + samenwerking: samenwerkt, samengewerkt, samenwerkingspartners, ketenpartners, ketensamenwerking, integraal, integrale, integrale aanpak, een gezin een plan, regisseur, regie voeren, casusregie, netwerkpartners, afstemmen met, multidisciplinair, samen optrekken

        # ---------------------------------------------------------------
        # Tijd, snelheid, preventie, escalatie
        # ---------------------------------------------------------------
        + wachten: wachtlijstproblematiek, wachtende, wachtenden, op de wachtlijst, lange wachtlijsten, wacht lijst, wachtrij, in de wacht, aan het lijntje, aan het lijntje gehouden, lang duren, duurt maanden, duurt jaren, trager, stroperig, doorlooptijd, doorlooptijden, behandeltermijn, wachtlijstbemiddeling, overbruggingszorg, lange wachttijd, lange wachttijden, gewacht op, wacht al
        + snel: snelheid, vlot, vlotte, vlotter, per direct, zsm, asap, zo spoedig mogelijk, rap, subiet, onverwijld, ogenblikkelijk, spoedprocedure, voorrang, met voorrang, voorrang geven, spoedig mogelijk, sneller handelen, snel handelen, snel schakelen
        + preventie: voorkomen is beter dan genezen, preventiever, vroeg ingrijpen, vroegtijdig ingrijpen, tijdig ingrijpen, tijdig, tijdige, verergering, terugval, terugvallen, valt terug, ontsporen, ontsporing, ontspoort, uit de hand lopen, uit de hand, vroeg erbij, erger maken, nog erger
        = spiraal: vicieuze cirkel, neerwaartse spiraal, spiraal, negatieve spiraal, in een spiraal, cirkel doorbreken, doorbreken, doorbroken, sneeuwbaleffect, sneeuwbal, van kwaad tot erger, wegzakken, afglijden, van de regen in de drup, steeds dieper
        + toekomst: toekomstig, toekomstige, komende tijd, nabije toekomst, vooruitkijken, vooruitblik
        + kwaliteitvanleven: levensgeluk, geluk, leefplezier, levenslust, levensplezier, zin in het leven, zin in leven, volwaardig leven, normaal leven, prettig leven, goed leven, een goed leven, uitzicht, uitzichtloos, uitzichtloze, toekomstperspectief
        + stress: piekeren, piekert, gepiekerd, slapeloze nachten, slapeloosheid, wakker liggen, ligt wakker, lig wakker, spanningsklachten, nervositeit, nerveus, zenuwachtig, bang, bange, bezorgd, bezorgde, bezorgdheid, ongerustheid, kopzorgen, onrust, onrustig, machteloos, machteloosheid, hulpeloos, ten einde raad, angstig voor, zorgen over
        + veiligheid: valincident, valincidenten, valpreventie, heupfractuur, letsel, gewond, verwonding, onveiligheid, risicovol, risicovolle, riskant, riskante, levensgevaarlijk, levensgevaarlijke, levensgevaar, brandgevaar, brand, brandveilig, gevaarlijke situatie, gevaarlijke situaties, veiligheidsrisico, veiligheidsrisicos, struikelt, gestruikeld
        + gevolgen: gevolgschade, bijwerking, bijwerkingen, nasleep, keerzijde, schaduwkant, neveneffect, neveneffecten, consequentie daarvan

        # ---------------------------------------------------------------
        # Zorgaanbod, verzekering, kwaliteit
        # ---------------------------------------------------------------
        + pgb: persoonsgebondenbudget, pgb-houder, pgb houder, pgb-tarief, pgb tarief, pgb-budget, budgethouderschap, zorgovereenkomst, zorgovereenkomsten, pgb-beheer, beheer van het pgb
        + natura: natura-aanbieder, gecontracteerde zorg, zorg in natura aanbieder, ongecontracteerd, niet gecontracteerd, niet-gecontracteerde, zorgcontract
        + zorgaanbieder: jeugdzorgaanbieder, thuiszorgorganisaties, zorgbedrijf, zorgbureau, zorgboer, hulpverlenende instantie, jeugdhulpaanbieders, aanbiedertje, zorgverlener, zorgverleners, zorgprofessional, zorgprofessionals
        + verzekeraar: zorgverzekeraars, verzekeraars, zorgkantoor, zorgkantoren, wlz-indicatie, ciz-indicatie, verzekerde zorg, via de zorgverzekering, vergoed door de verzekering, aanvullend verzekerd, basisverzekering
        + zorg: hulpverlening, ondersteuningsvraag, hulp nodig, zorg nodig, ondersteuningsbehoefte, ondersteuningsbehoeften
        + medischekosten: medische hulpmiddelen, fysiotherapie, fysio, tandartsrekening, orthodontie, steunzolen, orthopedische schoenen, aangepaste schoenen

        # ---------------------------------------------------------------
        # Algemeen gebruikelijk
        # ---------------------------------------------------------------
        = algemeengebruikelijk: algemeen gebruikelijk, algemeen gebruikelijke, algemeen gebruikelijk product, gangbaar, gangbare, normaal product, in de winkel te koop, gewoon te koop, vrij verkrijgbaar, iedereen heeft, iedereen koopt, normale uitgave, normale uitgaven, normale kosten, kosten die iedereen heeft, hoort bij het normale leven, standaardproduct, in de handel

        # ---------------------------------------------------------------
        # Families (alleen groepen die nog in geen familie staan)
        # ---------------------------------------------------------------
        ~ minimavoorzieningen: bijzonderebijstand, minimapas, liefdadigheid
        ~ bedraggrootte: kleinbedrag, grootbedrag
        ~ arbeid: werk, werkloosheid, reintegratie, arbeidsvermogen, ondernemer
        ~ houding: stimulans, inzetbereidheid, gemakzucht, veeleisend
        ~ taalvaardigheid: taaleis, migratie
        ~ lokaalaanbod: algemenevoorziening, sociaalwerker
        ~ gevaar: veiligheid, verkeer
        ~ onderdak: dakloos, briefadres, woningtekort
        ~ systeemfalen: bureaucratie, walenschip
        ~ sterfte: levenseinde, rouw, uitvaart
        ~ onderwijskosten: studiefinanciering, schoolkosten
        ~ noodsituatie: crisis, suicidaliteit
        ~ trapprobleem: traplift, verdieping
        ~ schoolgang: school, thuiszitter, onderwijsondersteuning, leerproblemen
        ~ jeugdhulpvormen: jeugdzorg, uithuisplaatsing, gezinsondersteuning
        ~ autonomie: keuzevrijheid, betutteling
        ~ escalatie: preventie, spiraal
        """#
}
