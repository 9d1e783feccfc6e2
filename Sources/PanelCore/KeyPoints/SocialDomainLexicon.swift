/// The Dutch social-domain lexicon the key point analysis reads: synonym groups, stop words and cue phrases.
/// Data, not code: one entry per line, see the header inside. Written by hand for this project (no outside source).
enum SocialDomainLexicon {
    static let source = #"""
        # De Tweede Mening - lexicon voor het sociaal domein.
        # Formaat (een regel per item, alles in kleine letters, diakrieten worden bij inlezen gevouwen):
        #   = concept: term, term, term      synoniemgroep (een woord of een meerwoordsfrase per term)
        #   stop: woord, woord               woorden die nooit argumenten mogen groeperen
        #   cue.support / cue.oppose / cue.middle / cue.missing / cue.tone / cue.thanks / cue.question / cue.negation
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
        cue.support: ik steun het besluit, ik steun de gemeente, steun het besluit, steun de beslissing, eens met de gemeente, eens met het besluit, eens met de beslissing, ik ben het eens, helemaal eens, het eens met, terecht, terechte, terecht besluit, terechte beslissing, begrijpelijk, begrijpelijk besluit, begrijpelijke beslissing, redelijk besluit, redelijke beslissing, redelijk, verstandig, verstandige keuze, verstandig besluit, de gemeente heeft gelijk, gemeente heeft gelijk, gelijk van de gemeente, eigen verantwoordelijkheid, kan niet alles betalen, kan niet alles vergoeden, niet alles kan, geld kan maar een keer uitgegeven worden, geld kan maar één keer worden uitgegeven, goed besluit, goede beslissing, juist besluit, juiste beslissing, ik snap de gemeente, ik begrijp de gemeente, ik kan me vinden in, kan me vinden in het besluit, sta achter het besluit, ik sta achter, zou hetzelfde besluiten, had hetzelfde besloten, ik zou ook afwijzen, afwijzing is terecht, terecht afgewezen, logisch besluit, logische keuze, verdedigbaar, goed te verdedigen, zorgvuldig afgewogen, goed afgewogen, niet de taak van de gemeente, zelf oplossen, eerst eigen netwerk, voorliggende voorziening eerst, geen taak voor de gemeente, kan zelf betalen, kan het zelf betalen, ik ben voor, voorstander, akkoord met, prima besluit, volkomen terecht, helemaal terecht, begrijp ik goed, snap ik goed
        cue.oppose: niet eens, oneens, ik ben het niet eens, niet mee eens, helemaal niet eens, onterecht, onterechte, onredelijk, onredelijke, te streng, veel te streng, ik steun het besluit niet, steun het besluit niet, niet terecht, moet gewoon, moet gewoon krijgen, moet het krijgen, heeft recht op, recht op, schandalig, schande, onmenselijk, onmenselijke, zou ik wel toekennen, ik zou toekennen, toekennen, toewijzen, ik zou het toekennen, verkeerd besluit, verkeerde beslissing, fout besluit, foute beslissing, slecht besluit, slechte beslissing, onbegrijpelijk besluit, onbegrijpelijke beslissing, ik snap niet dat, ik begrijp niet dat, niet te begrijpen, absurd, belachelijk, bizar, triest besluit, kortzichtig, harteloos, hardvochtig, kil besluit, koud besluit, tegen het besluit, ik ben tegen, tegenstander, terugdraaien, herzien, besluit herzien, moet herzien worden, alsnog toekennen, alsnog vergoeden, gemeente moet betalen, gemeente moet bijspringen, zou moeten krijgen, verdient hulp, verdient het, laat mensen in de steek, in de steek gelaten, aan haar lot overlaten, aan zijn lot overlaten, aan hun lot overlaten, penny wise pound foolish, ga in bezwaar, bezwaar maken, niet akkoord, niet acceptabel, onacceptabel, onaanvaardbaar, ongehoord, te gek voor woorden, van de gekke, gemeente schiet tekort, schiet tekort, faalt
        cue.middle: mits, op voorwaarde dat, onder voorwaarde, onder voorwaarden, onder de voorwaarde, middenweg, tussenoplossing, tussenweg, compromis, deels, gedeeltelijk, voor een deel, voor een gedeelte, tijdelijk, tijdelijke, proefperiode, op proef, na een half jaar, na zes maanden, na een jaar, opnieuw bekijken, opnieuw beoordelen, later opnieuw, aan de ene kant, aan de andere kant, enerzijds, anderzijds, ener zijds, aan de ene kant begrijp ik, ik begrijp beide kanten, beide kanten, beide partijen, allebei gelijk, ergens tussenin, half om half, de helft, deel vergoeden, gedeeltelijk vergoeden, voor een deel vergoeden, lening in plaats van, in plaats van, als alternatief, zolang, tenzij, behalve als, afhankelijk van, het hangt ervan af, hangt af van, dat hangt ervan af, in principe, in beginsel, op zich, op zich begrijpelijk, ja maar, wel maar, maar wel, met een eigen bijdrage, eigen bijdrage vragen, evalueren, evaluatie, herbeoordelen, herbeoordeling, voorlopig, voorlopige, in afwachting van, totdat, tot er, water bij de wijn, tegemoetkoming, tegemoetkomen, beperkt aantal, minder uren, afbouwen, geleidelijk, stapsgewijs, in stappen
        cue.missing: mis ik, ik mis, wat ik mis, ontbreekt, ontbreken, ontbrekende, niet vermeld, wordt niet vermeld, staat nergens, staat er niet, staat niet in, had ik willen weten, had ik graag willen weten, had graag gelezen, had ik graag gelezen, weet ik niet, weten we niet, is niet bekend, niet bekend, onbekend, niet duidelijk, onduidelijk, het is onduidelijk, geen idee hoeveel, geen idee wat, geen idee of, hoeveel kost, wat kost, wat kosten, wat verdient, hoeveel verdient, hoe hoog is, hoe groot is, meer informatie, meer info, meer gegevens, meer details, meer achtergrond, zou ik willen weten, wil ik weten, wil graag weten, ik wil graag weten, wordt niet gezegd, wordt niet genoemd, niet genoemd, niet aangegeven, wordt niet aangegeven, kan ik niet beoordelen zonder, kan ik niet beoordelen, moeilijk te beoordelen, lastig te beoordelen, niet te beoordelen, zonder te weten, zonder meer informatie, zonder meer info, als ik niet weet, ik weet niet of, ik weet niet hoeveel, ik weet niet wat, is er gekeken naar, is er onderzocht, is onderzocht of, is bekeken of, is er overwogen, niet onderzocht, niet uitgezocht, nog niet bekend, informatie ontbreekt, er ontbreekt, te weinig informatie, te weinig info, onvoldoende informatie, onvoldoende info, te summier, summier, beperkte informatie, ik lees niet, lees ik niet, lees nergens, nergens staat, het verhaal is niet compleet, onvolledig, incompleet, niet compleet, hoe zit het met, en hoe zit het met, wat is de rol van, heeft ze familie, heeft hij familie, is er familie, is er een netwerk, heeft ze kinderen, heeft hij kinderen, hoeveel spaargeld, hoeveel vermogen, wat is het inkomen, wat zegt de arts, wat zegt de huisarts, medische gegevens ontbreken, graag meer, daar wil ik meer over weten, op basis waarvan, waar is dat op gebaseerd, had erbij gemoeten, had erbij gekund, had erbij gemogen, had erin gemoeten, had ik graag gezien, had graag gezien, had ik graag gelezen, niemand zegt, zegt niemand, lees ik niks over, lees ik niets over, lees ik nergens, daar lees ik niks, zou eerst willen weten, eerst willen weten, wil eerst weten, zonder die cijfers, zonder die gegevens, zonder cijfers, zonder gegevens, moet de gemeente uitzoeken, uitzoeken, is er gekeken, is er wel gekeken, niet onderzocht, is dat onderzocht
        cue.tone: toon, de toon, toonzetting, kil, kille, koud, bot, botte, afstandelijk, afstandelijke, ambtelijk, ambtelijke, ambtelijke taal, taalgebruik, formulering, geformuleerd, woordkeuze, klinkt als, klinkt alsof, als een verwijt, verwijtend, beschuldigend, neerbuigend, betuttelend, bevoogdend, belerend, respectloos, de brief, in de brief, brief van de gemeente, zo praat je niet, zo ga je niet met mensen om, onbegrijpelijk, onbegrijpelijke taal, moeilijke taal, moeilijke woorden, jargon, vakjargon, ambtenarentaal, niet uitgelegd, slecht uitgelegd, kortaf, zakelijk, te zakelijk, hautain, arrogant, denigrerend, kleinerend, onvriendelijk, ongevoelig, zonder empathie, geen empathie, weinig empathie, empathie, inlevingsvermogen, invoelend, botweg, standaardbrief, standaardzinnen, standaardantwoord, copy paste, zo gebracht, de manier waarop, hoe het gebracht wordt, hoe het gecommuniceerd is, communicatie kan beter, slechte communicatie, vriendelijker, warmer, menselijker verwoord, b1, taalniveau, eenvoudige taal, begrijpelijke taal, duidelijke taal, zo schrijf je, zo schrijf je niet, wat me stoort, de zin over, die zin, hoort niet in een brief, in een brief aan, menselijker, afstandelijke brief, kille brief, had wat menselijker gemogen
        cue.thanks: bedankt, bedankt voor, dank u, dank je, dank voor, hartelijk dank, veel dank, alvast bedankt, dank, dankjewel, dankuwel, fijn dat, fijn initiatief, leuk dat, goed uitgelegd, duidelijk uitgelegd, duidelijk beschreven, goed beschreven, helder beschreven, helder uitgelegd, mooi initiatief, goed initiatief, sympathiek initiatief, goed dat de gemeente dit voorlegt, goed dat de gemeente, goed dat dit wordt voorgelegd, fijn dat we mee mogen denken, mooi dat we mogen meedenken, complimenten, compliment, chapeau, succes, veel succes, succes ermee, sterkte, veel sterkte, met vriendelijke groet, met vriendelijke groeten, vriendelijke groet, vriendelijke groeten, groet, groeten, groetjes, hartelijke groet, hartelijke groeten, mvg, m.vg, gr, grt, vr gr, vriendelijke gr, hoi, hallo, beste, geachte, goedemiddag, goedemorgen, goedenavond, tot de volgende keer, tot de volgende casus, ik doe graag mee, graag gedaan, interessante casus, lastige casus, moeilijke casus, mooie casus, leerzaam, sorry, excuus, excuses, vorige mail, mijn vorige mail, mijn vorige bericht, te vroeg verstuurd, per ongeluk verstuurd, mijn stem blijft, ik lees het, ik kom erop terug, ik reageer later, goed opgeschreven, helder opgeschreven, duidelijk opgeschreven, goed beschreven, helder beschreven, prettig leesbaar, ik wist niet dat, dat wist ik niet, wist ik niet, weer wat geleerd, complimenten, compliment, heldere casus, duidelijke casus, los van deze casus, los van de casus, los hiervan, ander onderwerp, off topic, vergeten te zeggen
        cue.question: ik vraag me af, ik vraag mij af, vraag me af, vraag mij af, ik ben benieuwd, ben benieuwd, benieuwd naar, weet iemand, weet de gemeente, kan de gemeente uitleggen, kan de gemeente aangeven, kan de gemeente toelichten, kan iemand uitleggen, graag hoor ik, graag zou ik horen, ik hoor graag, hoor graag, waarom, waarom is, waarom wordt, waarom niet, hoe kan het dat, hoe komt het dat, hoe zit het, is het mogelijk, is het mogelijk dat, zou het kunnen, kan het zijn dat, klopt het dat, is het zo dat, mijn vraag is, vraag aan de gemeente, een vraag, vraagje, wat als, wat gebeurt er als, wat nou als, heeft de gemeente, heeft men, is er nagedacht over, is overwogen, wordt er gekeken, hoe ziet de gemeente, wat vindt de gemeente, wie betaalt, wie beslist, wanneer
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
        """#
}
