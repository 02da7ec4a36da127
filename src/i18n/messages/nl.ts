import type { Catalogue } from './catalogue';

/** The messages in Dutch. */
export const nl: Catalogue = {
  locale: 'nl',
  finding: {
    'customer-to-customer.no-customer': (p) => `„${p.chain}” wijst geen baan of pool als klant aan, dus valt niet na te gaan of het van klant tot klant loopt.`,
    'customer-to-customer.start': (p) => `„${p.chain}” begint niet bij de klant: geen startgebeurtenis ligt bij de klant of wordt gestart door een bericht van de klant.`,
    'customer-to-customer.end': (p) => `„${p.chain}” eindigt niet bij de klant: geen stroom leidt van de organisatie terug naar de klant.`,
    'customer-to-customer.start-and-end': (p) => `„${p.chain}” begint niet bij de klant en eindigt er ook niet.`,
    'activity-kpi.missing': (p) => `„${p.activity}” heeft geen prestatiemaatstaf.`,
    'kpi-smart.incomplete': (p) => `Prestatiemaatstaf „${p.kpi}” van „${p.activity}” is niet SMART: er ontbreekt ${p.missing}.`,
    'kpi-realised.missing': (p) => `Prestatiemaatstaf „${p.kpi}” van „${p.activity}” heeft geen gerealiseerde waarde, hoewel de periode op ${p.periodEnd} is geëindigd.`,
    'activity-resources.missing': (p) => `„${p.activity}” heeft geen geplande middelen: geen gepland budget en geen geplande uren.`,
    'resource-overrun.budget': (p) => `„${p.activity}” gebruikte een budget van ${p.currency} ${p.realised}, ${p.percent} % boven de geplande ${p.currency} ${p.planned} (marge ${p.tolerance} %).`,
    'resource-overrun.hours': (p) => `„${p.activity}” gebruikte ${p.realised} uur, ${p.percent} % boven de geplande ${p.planned} uur (marge ${p.tolerance} %).`,
    'activity-accountable.none': (p) => `„${p.activity}” heeft geen eindverantwoordelijke rol; precies één rol moet eindverantwoordelijk zijn.`,
    'activity-accountable.several': (p) => `„${p.activity}” heeft ${p.count} eindverantwoordelijke rollen (${p.roles}); precies één rol moet eindverantwoordelijk zijn.`,
    'handover-agreement.missing': (p) => `Voor de overdracht ${p.handover} is geen afspraak vastgelegd.`,
    'handover-agreement.not-agreed': (p) => `De afspraak bij de overdracht ${p.handover} is ${p.status}, niet vastgesteld.`,
    'handover-agreement.incomplete': (p) => `De afspraak bij de overdracht ${p.handover} noemt niet ${p.missing}.`,
    'agreement-overdue.passed': (p) => `De afspraak bij ${p.handover} had op ${p.reviewDate} herzien moeten worden.`,
    'customer-promise.no-value-chain': (p) => `„${p.chain}” heeft geen waardeketengegevens, dus ook geen klantbelofte.`,
    'customer-promise.missing': (p) => `„${p.chain}” heeft geen klantbelofte.`,
    'customer-promise.empty': (p) => `De klantbelofte van „${p.chain}” noemt geen tekst en geen streefwaarde.`
  },
  field: {
    'unit': 'een eenheid',
    'target': 'een streefscore',
    'periodStart': 'een begin van de periode',
    'periodEnd': 'een einde van de periode',
    'period': 'een periode',
    'realised': 'een gerealiseerde waarde',
    'kpi': 'een prestatiemaatstaf',
    'resources': 'middelen',
    'plannedBudget': 'een gepland budget',
    'plannedHours': 'geplande uren',
    'accountable': 'een eindverantwoordelijke rol',
    'agreement': 'een afspraak',
    'status:agreed': 'de status „vastgesteld”',
    'deliverable': 'het resultaat',
    'providerRole': 'de leverancier',
    'receiverRole': 'de ontvanger',
    'customer': 'een baan of pool van de klant',
    'start-from-customer': 'een begin bij de klant',
    'end-at-customer': 'een einde bij de klant',
    'valueChain': 'waardeketengegevens',
    'customerPromise': 'een klantbelofte',
    'text': 'een tekst van de belofte'
  },
  agreementStatus: {
    'agreed': 'vastgesteld',
    'draft': 'een concept',
    'under-review': 'in herziening',
    'missing': 'ontbreekt'
  },
  simulationIssue: {
    'nothing-to-run': () => 'Het model bevat geen proces met stappen, dus er valt niets te simuleren.',
    'no-start-event': (list) => `Geen enkel proces heeft een startgebeurtenis (${list}), dus een geval kan nergens beginnen. Voeg een startgebeurtenis toe, bijvoorbeeld waar de klant de keten in gang zet.`,
    'no-trigger': (list) => `Elke startgebeurtenis wacht op een bericht van een ander element (${list}), dus geen geval kan beginnen. Geef de pool of lane van de klant een eigen startgebeurtenis.`,
    'complex-gateway': (list) => `Complexe gateways kunnen niet gesimuleerd worden: ${list}. Gebruik een exclusieve, inclusieve of parallelle gateway.`,
    'dangling-flow': (list) => `Stroompijlen zonder begin of eind: ${list}.`,
    'link-without-target': (list) => `Linkgebeurtenissen zonder bijpassende vangende linkgebeurtenis in hetzelfde proces: ${list}.`,
    'invalid-event-gateway': (list) => `Gebeurtenisgestuurde gateways mogen alleen leiden naar tussentijdse wachtgebeurtenissen of ontvangsttaken: ${list}.`,
    'boundary-without-host': (list) => `Randgebeurtenissen die niet aan een activiteit vastzitten: ${list}.`,
    'missing-probability': (list) => `De uitgaande pijlen van ${list} hebben geen kans; het deel dat niet is opgegeven wordt gelijk over ze verdeeld.`,
    'probabilities-normalised': (list) => `De kansen na ${list} tellen niet op tot 100 %; ze zijn omgerekend naar 100 %.`,
    'invalid-probability': (list) => `Kansen die geen getal van 0 tot 100 zijn, zijn genegeerd bij ${list}.`,
    'missing-branch-probability': (list) => `Pijlen na een inclusieve gateway of voorwaardelijke pijlen zonder kans: ${list}; elk wordt in de helft van de gevallen genomen.`,
    'missing-duration': (list) => `Geen doorlooptijd opgegeven voor ${list}; ze kosten geen tijd.`,
    'missing-planned-duration': (list) => `Geen doorlooptijd opgegeven voor ${list}; ze kosten geen tijd.`,
    'invalid-duration': (list) => `Doorlooptijden die niet in ISO 8601 staan (zoals PT4H of P2D) zijn genegeerd bij ${list}; ze kosten geen tijd.`,
    'invalid-duration-range': (list) => `De minimale, meest waarschijnlijke en maximale doorlooptijd van ${list} zijn onvolledig of staan in de verkeerde volgorde; er wordt een vaste doorlooptijd gebruikt.`,
    'missing-realised-duration': (list) => `Geen gerealiseerde doorlooptijd voor ${list}; het gerealiseerde scenario gebruikt de geplande doorlooptijd.`,
    'missing-realised-budget': (list) => `Geen gerealiseerd budget voor ${list}; het gerealiseerde scenario gebruikt het geplande budget.`,
    'invalid-number': (list) => `Getallen die niet te lezen waren, zijn genegeerd bij ${list}.`,
    'missing-repeat-probability': (list) => `Herhalende activiteiten zonder herhaalkans: ${list}; elke herhaling gebeurt in de helft van de gevallen.`,
    'missing-cardinality': (list) => `Meervoudige activiteiten zonder aantal exemplaren: ${list}; ze worden één keer uitgevoerd.`,
    'completion-condition': (list) => `Voltooiingsvoorwaarden worden niet geëvalueerd: ${list}; alle exemplaren worden uitgevoerd.`,
    'boundary-without-probability': (list) => `Randgebeurtenissen zonder kans om af te gaan: ${list}; ze gaan nooit af.`,
    'unsupported-timer': (list) => `Timers met een datum of cyclus in plaats van een duur: ${list}; ze gebruiken hun simulatievertraging, of wachten niet.`,
    'external-event': (list) => `Wachtgebeurtenissen die niets in het model in gang zet: ${list}; ze gaan door na hun simulatievertraging, of meteen.`,
    'several-triggers': (list) => `Processen met meerdere startgebeurtenissen: ${list}; elk geval begint bij één ervan, volgens hun kans of anders gelijk verdeeld.`,
    'process-without-start': (list) => `Processen zonder startgebeurtenis: ${list}; ze lopen alleen waar een bericht ze bereikt.`,
    'event-subprocess': (list) => `Gebeurtenis-subprocessen worden niet gesimuleerd: ${list}.`,
    'compensation': (list) => `Compensatie wordt niet gesimuleerd: ${list}.`,
    'uncaught-error': (list) => `Fout- of escalatie-eindgebeurtenissen die geen randgebeurtenis opvangt: ${list}; ze eindigen als een gewone eindgebeurtenis.`,
    'message-starts-nothing': (list) => `Berichten aan pools zonder berichtstartgebeurtenis: ${list}; ze tellen als overdracht maar starten niets.`,
    'ad-hoc-subprocess': (list) => `Ad-hoc-subprocessen lopen als één stap met hun eigen doorlooptijd: ${list}.`,
    'recursive-call': (list) => `Aanroepactiviteiten die een proces aanroepen dat al wordt aangeroepen: ${list}; ze lopen als één stap.`,
    'mixed-currencies': (list) => `Budgetten in verschillende valuta worden zonder omrekening opgeteld: ${list}.`,
    'missing-budget': (list) => `Geen gepland budget voor ${list}; hun kosten worden met niets vergeleken.`,
    'missing-rate': (list) => `Geen uurtarief voor ${list}: geen pool met een tarief voert ze uit; ze kosten niets in de simulatie (een budget geldt voor een periode, nooit voor één uitvoering).`,
    'event-gateway-race': (list) => `Bij ${list} wacht het geval op een bericht uit een ander deel van de keten: het eerste bericht of de eerste timer bepaalt de route, dus de kansen op de stromen worden niet gebruikt.`
  },
  defaultUsed: {
    'equal probabilities': 'gelijke kansen',
    'zero duration': 'geen doorlooptijd (nul)',
    'probabilities scaled to 100 %': 'kansen omgerekend naar 100 %',
    'treated as missing': 'behandeld als ontbrekend',
    '50 % per branch': '50 % per route',
    'fixed duration': 'vaste doorlooptijd',
    'planned duration': 'geplande doorlooptijd',
    'planned budget': 'gepland budget',
    'zero': 'nul',
    '50 % repeat probability': '50 % herhaalkans',
    '1 instance': '1 exemplaar',
    '0 % (never fires)': 'gaat nooit af',
    'zero delay': 'geen wachttijd',
    'zero cost': 'geen kosten',
    'no budget check': 'geen budgetcontrole',
    'the first event to happen': 'wat het eerst gebeurt'
  },
  cli: {
    usage: `Gebruik: missinglink <opdracht> [argumenten]

Opdrachten:
  audit <bestanden of mappen…>   audit BPMN-waardeketens op gaten in de verantwoordelijkheden
  simulate <bestand.bpmn>        simuleer een waardeketen (doorlooptijd, kosten, overdrachten, wachtrijen)
  export-scenario <bestand.bpmn> schrijf het simulatiescenario voor Prosimos (--format prosimos)
  workspace init|add-member      richt een teamwerkruimte in op een CouchDB-server
  push <bestanden of mappen…>    publiceer .bpmn-bestanden in een teamwerkruimte
  pull <map>                     schrijf de processen van een teamwerkruimte als .bpmn-bestanden

Optie van elke opdracht:
  --lang nl|en                   taal van de uitvoer (standaard: uit LC_ALL, LC_MESSAGES of LANG)

Typ "missinglink <opdracht> --help" voor de opties van een opdracht.
`,
    auditUsage: `Gebruik: missinglink audit <bestanden of mappen…> [opties]

Audit BPMN-waardeketens: overdrachten zonder vastgestelde afspraak, stappen
zonder precies één eindverantwoordelijke rol, prestatiemaatstaven en middelen
die ontbreken of overschreden zijn, en of het proces van klant tot klant loopt.
In mappen worden alle .bpmn- en .xml-bestanden gezocht, ook in submappen.

Opties:
  --format json|md|junit    uitvoer als JSON (standaard), een Markdown-rapport of JUnit XML
  --fail-on error|warning   laagste ernst die exitcode 1 geeft (standaard error)
  --date JJJJ-MM-DD         auditdatum voor verstreken perioden en herzieningsdata (standaard vandaag, UTC)
  --lang nl|en              taal van de meldingen (standaard uit de taalinstelling van de omgeving)
  -h, --help                toon deze tekst

Regels kunnen per proces worden uitgeschakeld, gewogen en een marge krijgen met
<ml:ruleSetting> in het BPMN-bestand; een element wordt van een regel
uitgezonderd met <ml:exemption> (zie docs/audit.md).

Exitcodes: 0 niets op of boven de drempel; 1 bevindingen op of boven de drempel;
2 onbruikbare argumenten of bestanden (elk onbruikbaar bestand wordt op stderr
gemeld, de andere worden toch geaudit).
`,
    simulateUsage: (cases) => `Gebruik: missinglink simulate <bestand.bpmn> [opties]

Laat de waardeketen in <bestand.bpmn> vele keren lopen en rapporteert
doorlooptijd, kosten, overdrachten, signaleringen (ontbrekende afspraken,
verantwoordelijkheid, budgetten, deadlocks) en de aannames voor ontbrekende gegevens.

Opties:
  --prosimos <scenario.json>     gebruik de mensen, werktijden, aankomsten, duren en kansen
                                 van een Prosimos-scenario in plaats van die van het model
  --start <ISO-datum-tijd>       wanneer de gesimuleerde periode begint, bv. 2026-01-05T09:00
                                 (in de tijdzone van het model) of 2026-01-05T09:00+01:00
  --cases N                      aantal cases (standaard ${cases})
  --seed S                       startwaarde van het toeval; dezelfde waarde geeft dezelfde getallen (standaard 1)
  --scenario planned|realised    geplande of gerealiseerde duur en budgetten (standaard planned)
  --format json|md               uitvoer als JSON (standaard) of als Markdown-rapport
  --lang nl|en                   taal van de meldingen (standaard uit de taalinstelling van de omgeving)
  -h, --help                     toon deze tekst

Exitcodes: 0 de simulatie is gelopen; 2 de argumenten, het bestand of het model zijn onbruikbaar.
`,
    unknownCommand: (command) => `onbekende opdracht "${command}".`,
    unexpectedError: 'onverwachte fout',
    needsValue: (option) => `--${option} heeft een waarde nodig.`,
    unknownOption: (option) => `onbekende optie --${option}.`,
    oneOf: (option, allowed, value) => `--${option} moet ${allowed.slice(0, -1).join(', ')} of ${allowed[allowed.length - 1]} zijn, niet "${value}".`,
    badDate: (value) => `--date moet een datum zijn in de vorm JJJJ-MM-DD, niet "${value}".`,
    badCases: (value) => `--cases moet een geheel getal van minstens 1 zijn, niet "${value}".`,
    badLang: (value) => `--lang moet nl of en zijn, niet "${value}".`,
    noModelGiven: 'geen BPMN-bestand of map opgegeven.',
    noFileGiven: 'geen BPMN-bestand opgegeven.',
    oneFileAtATime: (count) => `één BPMN-bestand tegelijk, niet ${count}.`,
    noSuchPath: 'Bestand of map bestaat niet.',
    emptyFolder: 'De map bevat geen .bpmn- of .xml-bestanden.',
    cannotRead: (reason) => `Het bestand kan niet worden gelezen: ${reason}`,
    warning: 'waarschuwing',
    skippedNotBpmn: 'overgeslagen, geen BPMN-bestand.',
    cannotBeAudited: (reason) => `Het bestand kon niet worden geaudit: ${reason}`,
    cannotBeSimulated: 'kan zo niet worden gesimuleerd:',
    simulationTitle: (file) => `Simulatie van ${file}`
  }
};
