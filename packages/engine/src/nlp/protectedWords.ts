// Real English words one typed letter away from a symptom word ("tried"/"tired", "selling"/"swelling"). The typo
// corrector leaves them as written. Collected by running every WordNet lemma of 5+ letters through the corrector
// against the project's knowledge base and keeping the words a clinical note could plausibly contain.
export const PROTECTED_WORDS: readonly string[] = [
  // Everyday words
  ...['about', 'after', 'again', 'always', 'before', 'being', 'better', 'could', 'daily', 'doctor', 'during'],
  ...['early', 'every', 'fewer', 'first', 'given', 'going', 'having', 'house', 'never', 'night', 'often', 'other'],
  ...['patient', 'really', 'since', 'still', 'stood', 'sweet', 'taken', 'taking', 'their', 'there', 'these'],
  ...['thing', 'think', 'those', 'three', 'times', 'today', 'under', 'until', 'water', 'where', 'which', 'while'],
  ...['whole', 'worse', 'would', 'years', 'morning', 'evening', 'started', 'feels', 'feeling', 'complains'],
  ...['history', 'month', 'hours', 'later', 'lever', 'smelling', 'walking', 'eating', 'sleeping', 'coughed'],
  // Found one letter from a symptom word
  ...['thirty', 'tried', 'talking', 'selling', 'singing', 'sight', 'public', 'scores', 'seating', 'swearing'],
  ...['center', 'steam', 'shouting', 'marching', 'camping', 'bowls', 'forth', 'beast', 'sender', 'waiter'],
  ...['tying', 'laying', 'leading', 'healing', 'property', 'evaluation', 'fiction', 'breadth', 'bellow', 'struck'],
  ...['finer', 'cooked', 'serene', 'aground', 'racking', 'tuning', 'trickle', 'sporting', 'spouting', 'seeping'],
  ...['gaping', 'grassy', 'glassy', 'rental', 'sales', 'sifting', 'staining', 'shear', 'wheeling', 'ticking'],
  ...['readying', 'combing', 'carving', 'bonding', 'bouncing', 'blending', 'branching', 'boating', 'grafting'],
  ...['graining', 'grasping', 'griping', 'flooring', 'sneering', 'sinning', 'thickly', 'tinkling', 'stinking'],
  ...['inflated', 'misused', 'elating', 'mourning', 'wavering', 'shirting', 'tacking', 'irrigation', 'pauper'],
  ...['seats', 'spitting', 'flattering', 'arching', 'blush', 'gavel', 'coroner', 'walter', 'waster'],
  // Medical words that are not the symptom they resemble
  ...['contusion', 'arteritis', 'anomia', 'dysphasia', 'aphasia', 'aphagia', 'defection', 'sallow', 'breech'],
  'glans',
];

/**
 * English words that a romanised-Urdu respelling would read as a complaint word ("moon" as "munh", "fool" as
 * "full"). Collected by running every WordNet lemma through the respelling; packages/knowledge/test/
 * englishRespelling.test.ts keeps the list complete for the project's knowledge base.
 */
export const ENGLISH_LOOKALIKES: readonly string[] = [
  ...['anna', 'jinnah', 'khan', 'rook', 'boom', 'boot', 'booth', 'bumph', 'butt', 'cheep', 'gallon', 'guppy'],
  ...['poof', 'sarah', 'sunnah', 'todd', 'focussed'],
  ...['aare', 'anne', 'baa', 'bath', 'batten', 'beet', 'bitt', 'boll', 'bonny', 'boozing', 'brass'],
  ...['comma', 'coot', 'dds', 'deed', 'deem', 'dill', 'doom', 'finnish', 'fool', 'fress', 'gall', 'gatt'],
  ...['gonne', 'hash', 'hearth', 'heath', 'hill', 'keel', 'khat', 'kith', 'knish', 'lass', 'latte'],
  ...['leeds', 'loch', 'loth', 'mash', 'meet', 'molle', 'moo', 'mooch', 'moon', 'musth', 'nash'],
  ...['needless', 'padda', 'parr', 'pith', 'pitt', 'pitta', 'puree', 'purr', 'puss', 'putt', 'reef'],
  ...['riff', 'roost', 'ruff', 'saame', 'seer', 'sheeny', 'sheer', 'shinny', 'shirr', 'shutting', 'slippy'],
  ...['somme', 'steel', 'tannin', 'teeny', 'till', 'tinny', 'tush', 'tutee', 'ussr', 'usss', 'webb'],
  ...['ash', 'ass', 'cheer', 'chirr', 'crass', 'eel', 'gee', 'seth', 'sett', 'sheen', 'siss', 'tss'],
  ...['dash', 'goth', 'doss'],
];
