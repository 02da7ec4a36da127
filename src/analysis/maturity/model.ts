import { z } from 'zod';

/*
 * The Customer Engagement Maturity Model (CEMM): six pillars × five levels, after
 * the bluepaper of the expert group "The Architecture of Customer Engagement"
 * (seed 004). Dutch is the source wording (hyphens lost in the text extraction
 * restored, obvious typos fixed); English is our translation. docs/maturity.md
 * records how the cell boundaries were read from the figure.
 */

/** Stable pillar ids, in the order the source lists them (also the radar's axis order). */
export const PILLAR_IDS = [
  'strategy',
  'people-organisation',
  'technology',
  'data',
  'customer-journey',
  'customer-value'
] as const;

/** Validates a pillar id. */
export const PillarIdSchema = z.enum(PILLAR_IDS);

/** One of the six CEMM pillars. */
export type PillarId = z.infer<typeof PillarIdSchema>;

/** Stable level ids, indexed by level number − 1. */
export const LEVEL_IDS = ['initial', 'repeatable', 'defined', 'managed', 'optimizing'] as const;

/** A maturity level as a number 1..5 (what respondents score). */
export const MaturityLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

/** A maturity level number, 1 Initial .. 5 Optimizing. */
export type MaturityLevel = z.infer<typeof MaturityLevelSchema>;

/** The stable id of a maturity level. */
export type LevelId = (typeof LEVEL_IDS)[number];

/** The languages the model's content is written in. */
export type ContentLocale = 'nl' | 'en';

/** A text in both product languages. */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** A maturity level with its name and the general process description from the source's staircase figure. */
export interface MaturityLevelInfo {
  readonly level: MaturityLevel;
  readonly id: LevelId;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
}

/** One cell of the model: what a pillar looks like at a level, as the source's list of statements. */
export interface MaturityCell {
  readonly pillar: PillarId;
  readonly level: MaturityLevel;
  readonly statements: { readonly nl: readonly string[]; readonly en: readonly string[] };
}

/** A pillar with its definition (source §1.2) and its five cells, level 1 first. */
export interface MaturityPillar {
  readonly id: PillarId;
  readonly name: LocalizedText;
  readonly definition: LocalizedText;
  readonly cells: readonly MaturityCell[];
}

/** The five levels, after the Capability Maturity Model (source §1.1). */
export const MATURITY_LEVELS: readonly MaturityLevelInfo[] = [
  {
    level: 1,
    id: 'initial',
    name: { nl: 'Initieel', en: 'Initial' },
    description: {
      nl: 'Processen zijn onduidelijk, onvoorspelbaar, slecht gemanaged en reactief',
      en: 'Processes are unclear, unpredictable, poorly managed and reactive'
    }
  },
  {
    level: 2,
    id: 'repeatable',
    name: { nl: 'Herhaalbaar', en: 'Repeatable' },
    description: {
      nl: 'Processen zijn gedocumenteerd en voorspelbaar',
      en: 'Processes are documented and predictable'
    }
  },
  {
    level: 3,
    id: 'defined',
    name: { nl: 'Gedefinieerd', en: 'Defined' },
    description: {
      nl: 'Processen zijn geïntegreerd in de organisatie en ze worden proactief gemanaged',
      en: 'Processes are integrated into the organisation and managed proactively'
    }
  },
  {
    level: 4,
    id: 'managed',
    name: { nl: 'Gemanaged', en: 'Managed' },
    description: {
      nl: 'Processen worden gemeten en beheerst',
      en: 'Processes are measured and controlled'
    }
  },
  {
    level: 5,
    id: 'optimizing',
    name: { nl: 'Optimaliseren', en: 'Optimizing' },
    description: {
      nl: 'Focus op verbeteren van processen',
      en: 'Focus on improving processes'
    }
  }
];

type CellTexts = readonly [nl: readonly string[], en: readonly string[]];

function pillar(
  id: PillarId,
  name: LocalizedText,
  definition: LocalizedText,
  levels: readonly [CellTexts, CellTexts, CellTexts, CellTexts, CellTexts]
): MaturityPillar {
  const cells = levels.map(([nl, en], i) => ({ pillar: id, level: (i + 1) as MaturityLevel, statements: { nl, en } }));
  return { id, name, definition, cells };
}

/** The six pillars with the full cell texts of the source's model figure. */
export const MATURITY_PILLARS: readonly MaturityPillar[] = [
  pillar(
    'strategy',
    { nl: 'Strategie', en: 'Strategy' },
    {
      nl: 'Het plan dat door het management van een bedrijf wordt gevormd om een bepaald doel te bereiken.',
      en: "The plan that a company's management forms to reach a particular goal."
    },
    [
      [
        [
          'Er is geen visie of strategie',
          'De klant maakt geen deel uit van strategische overweging',
          'Er is geen trigger (probleem of strategisch belang)'
        ],
        [
          'There is no vision or strategy',
          'The customer is not part of strategic considerations',
          'There is no trigger (a problem or a strategic interest)'
        ]
      ],
      [
        [
          'Er is visie op customer engagement, geen strategie',
          'Er zijn operationele KPI’s zoals training en traffic',
          'Customer engagement wordt openlijk besproken en er is draagvlak'
        ],
        [
          'There is a vision on customer engagement, but no strategy',
          'There are operational KPIs such as training and traffic',
          'Customer engagement is discussed openly and has support'
        ]
      ],
      [
        [
          'Er is visie én strategie op het gebied van customer engagement',
          'Er zijn tactische KPI’s (zoals MQL, SQL, sales follow-up)',
          'Formalisatie is aanwezig: innovatie, doelen, contract, architectuur'
        ],
        [
          'There is both a vision and a strategy for customer engagement',
          'There are tactical KPIs (such as MQL, SQL, sales follow-up)',
          'Formalisation is in place: innovation, goals, contract, architecture'
        ]
      ],
      [
        [
          'Volledige roadmap (bottom-up gevoed)',
          'KPI-definitie voor customer engagement op strategisch niveau (business benefits, topline marge)',
          'Scenarioplanning wordt opgestart'
        ],
        [
          'A complete roadmap (fed bottom-up)',
          'KPIs for customer engagement are defined at strategic level (business benefits, top-line margin)',
          'Scenario planning is being started'
        ]
      ],
      [
        [
          'Visie en strategie met strategische KPI’s',
          'Customer engagement is volledig data-ondersteund',
          'Modellen & strategie zijn flexibel en aanpasbaar aan beweging in de markt of wereld (COVID-19)'
        ],
        [
          'Vision and strategy with strategic KPIs',
          'Customer engagement is fully supported by data',
          'Models and strategy are flexible and adapt to movements in the market or the world (COVID-19)'
        ]
      ]
    ]
  ),
  pillar(
    'people-organisation',
    { nl: 'Mensen & organisatie', en: 'People & organisation' },
    {
      nl: 'Skills van mensen en samenwerking van afdelingen binnen de organisatie.',
      en: "People's skills and the collaboration between departments within the organisation."
    },
    [
      [
        [
          'Enkele medewerkers met ad hoc initiatieven',
          'Geen verantwoordelijke binnen de organisatie',
          'Silo’s in de (marketing)organisatie',
          'Inefficiëntie door ontbreken van afstemming',
          'Skills ontbreken om customer engagement te realiseren'
        ],
        [
          'A few employees with ad hoc initiatives',
          'Nobody in the organisation is accountable',
          'Silos in the (marketing) organisation',
          'Inefficiency because coordination is lacking',
          'The skills to realise customer engagement are missing'
        ]
      ],
      [
        [
          'Enkele medewerkers werken incidenteel samen',
          'Verantwoordelijkheid ligt bij medewerkers',
          'Samen project definiëren (ict, e-com, marketing)',
          'Gaten en gebreken in skills en capabilities en beslissingsbevoegdheid worden duidelijk'
        ],
        [
          'A few employees collaborate now and then',
          'Responsibility lies with individual employees',
          'Projects are defined together (IT, e-commerce, marketing)',
          'Gaps and shortcomings in skills, capabilities and decision authority become clear'
        ]
      ],
      [
        [
          'Experts werken samen met een gezamenlijk doel',
          'Verantwoordelijkheid bij directielid',
          'Waardecreatie door standaardprocessen, doublures eruit',
          'Waarde wordt gezien en gedecentraliseerde teams werken eraan'
        ],
        [
          'Experts work together towards a shared goal',
          'A board member is accountable',
          'Value is created through standard processes; duplicated work is removed',
          'The value is recognised and decentralised teams work on it'
        ]
      ],
      [
        [
          'Duidelijke strategie en beleid op customer engagement, hoge prioriteit van directielid, experts door de organisatie, gestructureerd vertaald naar de werkvloer',
          'Roadmapping wordt gedragen door business en niet door local heroes',
          'Er zijn crossfunctionele teams ingericht'
        ],
        [
          'A clear customer engagement strategy and policy, high priority for the board member, experts throughout the organisation, translated in a structured way to the shop floor',
          'Roadmapping is carried by the business, not by local heroes',
          'Cross-functional teams are in place'
        ]
      ],
      [
        [
          'Customer engagement is van groot strategisch belang, complete verantwoordelijkheid belegd bij directielid en ingebed in alle lagen van de organisatie',
          'Producten worden ontwikkeld o.b.v. kennis en begrip van de klant in plaats van vraag door de klant',
          'Leren en ruimte voor falen',
          'Skills zijn schaalbaar en wendbaar'
        ],
        [
          'Customer engagement is of great strategic importance; full accountability lies with a board member and it is embedded in every layer of the organisation',
          'Products are developed from knowledge and understanding of the customer rather than from customer requests',
          'Learning, with room to fail',
          'Skills are scalable and agile'
        ]
      ]
    ]
  ),
  pillar(
    'technology',
    { nl: 'Technologie', en: 'Technology' },
    {
      nl: 'Alle soorten tools die organisatiebreed worden gebruikt om de connectie met de klant te maken.',
      en: 'All kinds of tools used across the organisation to connect with the customer.'
    },
    [
      [
        ['Verouderde systemen', 'Weinig technologie aanwezig', 'Overwegend losse systemen, puntoplossingen'],
        ['Outdated systems', 'Little technology in place', 'Mostly stand-alone systems, point solutions']
      ],
      [
        [
          'Er ontstaan kleine initiatieven voor nieuwe technologie (POC/MVP)',
          'Initiatief tot standaardisatie',
          'Initiatief tot systeemintegratie'
        ],
        [
          'Small initiatives for new technology emerge (POC/MVP)',
          'Initiatives towards standardisation',
          'Initiatives towards system integration'
        ]
      ],
      [
        [
          'Er zijn een ict-visie en roadmap opgesteld',
          'Gekozen standaardisatie en/of systeemselectie',
          'Systemen geïntegreerd (centrale laag over alle systemen)'
        ],
        [
          'An IT vision and roadmap have been drawn up',
          'Standards and/or systems have been chosen',
          'Systems are integrated (a central layer across all systems)'
        ]
      ],
      [
        [
          'Focus ligt op geleverde waarde in plaats van onderliggende technologie',
          'Ecosysteem in kaart gebracht, onder controle, utilized en directe link naar strategie',
          'Data management platform aanwezig',
          'Integratie van alle platformen (iPaaS)'
        ],
        [
          'The focus is on the value delivered rather than on the underlying technology',
          'The ecosystem is mapped, under control, utilised and directly linked to the strategy',
          'A data management platform is in place',
          'All platforms are integrated (iPaaS)'
        ]
      ],
      [
        [
          'Platformen zijn uitgerust met machine learning om personalisatie te drijven',
          'Flexibel en toekomstbestendig ecosysteem (architectuur)',
          'Makkelijk reageren op nieuwe ontwikkelingen (tech is schaalbaar en wendbaar)'
        ],
        [
          'Platforms are equipped with machine learning to drive personalisation',
          'A flexible, future-proof ecosystem (architecture)',
          'Responding easily to new developments (the technology is scalable and agile)'
        ]
      ]
    ]
  ),
  pillar(
    'data',
    { nl: 'Data', en: 'Data' },
    {
      nl: 'Alle soorten klantgerelateerde informatie die binnen een bedrijf bekend zijn en/of worden verzameld.',
      en: 'All kinds of customer-related information that a company knows and/or collects.'
    },
    [
      [
        [
          'Er is geen gedragen visie op het nut van een datagedreven aanpak',
          'Er zijn geen meetbare doelen',
          'Data zijn vervuild, moeilijk toegankelijk en moeilijk bruikbaar'
        ],
        [
          'There is no shared vision on the benefit of a data-driven approach',
          'There are no measurable goals',
          'Data are polluted, hard to access and hard to use'
        ]
      ],
      [
        [
          'Doelgerichte inzet van dataverzameling zonder langetermijnvisie',
          'Datakwaliteit en analyse worden een behoefte',
          'Data is toegankelijk, maar zit vast in silo’s'
        ],
        [
          'Data are collected for specific purposes, without a long-term vision',
          'Data quality and analysis become a need',
          'Data are accessible but locked in silos'
        ]
      ],
      [
        [
          'Inzichten zijn datagedreven',
          'Dashboards en signalering worden beschikbaar',
          'Er is MDM-beleid en dus standaardisatie en vergelijking mogelijk'
        ],
        [
          'Insights are data-driven',
          'Dashboards and alerts become available',
          'There is a master data management (MDM) policy, so standardisation and comparison are possible'
        ]
      ],
      [
        [
          'Op alle touchpoints worden data verzameld en teruggekoppeld aan de verantwoordelijke',
          'Klantdata zijn integraal herkenbaar in de customer journey',
          'Borgen van datakwaliteit wordt prioriteit in keuzes'
        ],
        [
          'Data are collected at every touchpoint and fed back to whoever is responsible',
          'Customer data are recognisable throughout the customer journey',
          'Safeguarding data quality becomes a priority in decisions'
        ]
      ],
      [
        [
          'Zelflerend datamodel voor customer engagement',
          'Data voegt waarde toe aan product of dienst waarvoor de klant moet betalen',
          'MDM-optimalisatie: quality score en dashboard'
        ],
        [
          'A self-learning data model for customer engagement',
          'Data add value to a product or service that the customer pays for',
          'MDM optimisation: a quality score and a dashboard'
        ]
      ]
    ]
  ),
  pillar(
    'customer-journey',
    { nl: 'Customer journey', en: 'Customer journey' },
    {
      nl: 'De weg van een koper van de eerste ‘aanraking’ tot zijn acties en gedrag tijdens en na de aankoop.',
      en: "A buyer's path from the first 'touch' to their actions and behaviour during and after the purchase."
    },
    [
      [
        [
          'Geen beeld van ideale klant, customer journey en koopfases',
          'Klantprofiel en beeld op basis van onderbuik',
          'Productgericht'
        ],
        [
          'No picture of the ideal customer, the customer journey or the buying stages',
          'Customer profile and picture based on gut feeling',
          'Product-centred'
        ]
      ],
      [
        [
          'Eerste customer journey maps en segmentaties ontstaan (focus op intern proces)',
          'Ad hoc klantonderzoek',
          'Ad hoc campagnes op deelonderwerpen'
        ],
        [
          'First customer journey maps and segmentations emerge (focus on the internal process)',
          'Ad hoc customer research',
          'Ad hoc campaigns on individual topics'
        ]
      ],
      [
        [
          'Volledige customer journey en touchpoints in beeld',
          'Klantinzicht wordt kwantitatief verkregen (user tests)',
          'Klantinzichten worden intern gedeeld'
        ],
        [
          'The complete customer journey and its touchpoints are mapped',
          'Customer insight is gained quantitatively (user tests)',
          'Customer insights are shared internally'
        ]
      ],
      [
        [
          'Integratie van silo’s ten behoeve van het bedienen van de customer journey',
          'Ontwikkelen en verbeteren op basis van klantfeedback',
          'KPI’s afgestemd op customer journey fasen (strategisch excelleren)'
        ],
        [
          'Silos are integrated to serve the customer journey',
          'Development and improvement based on customer feedback',
          'KPIs aligned with the phases of the customer journey (strategic excellence)'
        ]
      ],
      [
        [
          'Waarde van individuele engagement in de overall customer journey',
          'Customer community',
          'Meten en voorspellen waar de impact gemaakt kan worden (wow-momenten)'
        ],
        [
          'The value of individual engagement within the overall customer journey',
          'A customer community',
          'Measuring and predicting where impact can be made (wow moments)'
        ]
      ]
    ]
  ),
  pillar(
    'customer-value',
    { nl: 'Klantwaarde', en: 'Customer value' },
    {
      nl: 'De nominale waarde die een klant heeft voor een bedrijf op een bepaald moment.',
      en: 'The nominal value that a customer has for a company at a given moment.'
    },
    [
      [
        [
          '‘Premium klanten’ krijgen te veel (onbewust)',
          'Klantwaarde is niet duidelijk gedefinieerd',
          'Er wordt alleen gekeken naar waarde onderaan de streep'
        ],
        [
          "'Premium customers' (unknowingly) receive too much",
          'Customer value is not clearly defined',
          'Only bottom-line value is considered'
        ]
      ],
      [
        [
          'NPS wordt gemonitord',
          'Duidelijke definitie van klantwaarde en eerste stappen naar focus o.b.v. die waarde',
          'Klant zit in een groep, maar je kunt er niet de juiste waarde aan hangen',
          'Feedback van klanten wordt gebruikt als leermoment om de klantreis te verbeteren'
        ],
        [
          'NPS is monitored',
          'A clear definition of customer value and first steps towards focusing on that value',
          'Customers are grouped, but the right value cannot yet be attached to a group',
          'Customer feedback is used as a learning moment to improve the customer journey'
        ]
      ],
      [
        [
          'Strategie wordt opgesteld op basis van klantwaarde',
          'Customer lifetime value is duidelijk en er worden initiatieven op ondernomen',
          'ROI en impact van acties zijn helder, dus minimale overspend'
        ],
        [
          'Strategy is set on the basis of customer value',
          'Customer lifetime value is clear and acted upon',
          'ROI and impact of actions are clear, so overspending is minimal'
        ]
      ],
      [
        [
          'Klantwaarde bepaalt actie: van push naar pull',
          'Er wordt gemanaged op customer lifetime value',
          'Intrinsieke engagement van de klant'
        ],
        [
          'Customer value drives action: from push to pull',
          'Management steers on customer lifetime value',
          "The customer's engagement is intrinsic"
        ]
      ],
      [
        [
          'Niet customer first, maar customer balanced',
          'Prijs en/of assortiment worden bepaald door een algoritme op basis van klantwaarde'
        ],
        [
          'Not customer first but customer balanced',
          'Price and/or assortment are set by an algorithm based on customer value'
        ]
      ]
    ]
  )
];

const PILLARS_BY_ID = new Map(MATURITY_PILLARS.map((p) => [p.id, p]));

/** Looks up a pillar by its stable id. */
export function getPillar(id: PillarId): MaturityPillar {
  const found = PILLARS_BY_ID.get(id);
  if (!found) throw new Error(`Unknown maturity pillar: ${id}`);
  return found;
}

/** Looks up a level's name and description. */
export function getLevel(level: MaturityLevel): MaturityLevelInfo {
  return MATURITY_LEVELS[level - 1]!;
}

/** The statements describing one cell (pillar × level) in the requested language. */
export function cellStatements(pillarId: PillarId, level: MaturityLevel, locale: ContentLocale): readonly string[] {
  return getPillar(pillarId).cells[level - 1]!.statements[locale];
}
