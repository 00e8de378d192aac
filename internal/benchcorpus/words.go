package benchcorpus

// The vocabulary of the corpus. Prose draws from all the lists so that pages
// read like guides (nouns, verbs and modifiers in a plausible order) and the
// lexer and the typographer meet the usual mix of short and long words.

var nouns = []string{
	"friend", "partner", "colleague", "neighbour", "sister", "brother", "parent", "child",
	"household", "team", "manager", "mentor", "roommate", "cousin", "client", "counselor",
	"favour", "gift", "meal", "ride", "message", "call", "visit", "letter", "note",
	"promise", "boundary", "need", "habit", "routine", "balance", "ledger", "debt",
	"gesture", "kindness", "attention", "patience", "trust", "respect", "warmth", "care",
	"conversation", "question", "answer", "silence", "pause", "moment", "evening", "morning",
	"weekend", "holiday", "birthday", "deadline", "project", "meeting", "kitchen", "table",
	"garden", "errand", "chore", "burden", "resentment", "gratitude", "apology", "repair",
	"relationship", "friendship", "workplace", "family", "community", "circle", "network",
	"offer", "request", "reply", "invitation", "reminder", "plan", "list", "week", "month",
	"feeling", "worry", "comfort", "energy", "time", "space", "room", "door", "window",
	"story", "memory", "lesson", "pattern", "signal", "sign", "limit", "choice", "effort",
}

var verbs = []string{
	"offers", "asks", "gives", "receives", "notices", "remembers", "forgets", "listens",
	"answers", "shares", "carries", "returns", "accepts", "refuses", "thanks", "helps",
	"supports", "invites", "waits", "changes", "names", "counts", "measures", "keeps",
	"drops", "repairs", "breaks", "builds", "softens", "hardens", "balances", "tips",
	"welcomes", "declines", "explains", "admits", "expects", "hopes", "fears", "trusts",
	"shows", "hides", "opens", "closes", "starts", "finishes", "checks", "meets",
}

var adjectives = []string{
	"small", "quiet", "honest", "steady", "uneven", "generous", "tired", "patient",
	"careful", "busy", "gentle", "clear", "vague", "fair", "lopsided", "warm", "cold",
	"familiar", "new", "old", "regular", "rare", "kind", "awkward", "easy", "hard",
	"open", "private", "shared", "unspoken", "spoken", "practical", "emotional", "daily",
	"weekly", "simple", "complicated", "healthy", "strained", "mutual", "one-sided",
	"thoughtful", "hurried", "slow", "useful", "tender", "firm", "flexible",
}

var adverbs = []string{
	"often", "rarely", "quietly", "openly", "slowly", "gently", "clearly", "honestly",
	"sometimes", "usually", "carefully", "freely", "gladly", "simply", "together", "again",
}

var smallWords = []string{
	"the", "a", "this", "that", "every", "each", "some", "no", "one", "your", "their", "our",
}

var connectors = []string{
	"and", "but", "so", "because", "when", "while", "although", "until", "after", "before",
	"if", "unless", "since", "whereas",
}

var prepositions = []string{
	"with", "for", "to", "from", "about", "around", "between", "without", "after", "before",
	"during", "beside", "toward", "under", "over", "through",
}

// openers start some sentences, to vary their rhythm.
var openers = []string{
	"Over time,", "In practice,", "Most weeks,", "Now and then,", "For many people,",
	"At first,", "Later,", "Often,", "Sometimes,", "In a good week,", "On a hard day,",
	"Honestly,", "Either way,", "Even so,", "As a rule,",
}

// tagPool is the set of tags pages draw from.
var tagPool = []string{
	"listening", "boundaries", "gratitude", "work", "friends", "family", "partners",
	"asking", "offering", "receiving", "repair", "resentment", "burnout", "gestures",
	"self-awareness", "communication", "needs", "time", "money", "chores", "care",
	"trust", "neighbours", "teams", "habits", "check-ins", "apology", "feedback",
	"rest", "celebration",
}

// headingHeads and headingTails make heading texts: a head and a tail,
// ASCII words only, so that the expected heading id is easy to compute.
var headingHeads = []string{
	"Noticing", "Naming", "Asking for", "Offering", "Receiving", "Returning", "Balancing",
	"Repairing", "Talking about", "Making room for", "Saying no to", "Saying yes to",
	"Keeping track of", "Letting go of", "Planning", "Sharing", "Thanking", "Checking in on",
}

var headingTails = []string{
	"small favours", "the weekly rhythm", "unspoken needs", "shared chores", "old debts",
	"time together", "quiet effort", "a lopsided month", "help at work", "care at home",
	"the first step", "honest limits", "good intentions", "a late reply", "what matters",
	"a hard season", "everyday gestures", "the long view", "a new routine", "both sides",
}

// goIdents name the types, functions and variables of the Go snippets.
var goIdents = []string{
	"Entry", "Ledger", "Gesture", "Favour", "Checkin", "Partner", "Week", "Balance",
	"Offer", "Request", "Note", "Reply",
}

var goVars = []string{
	"entries", "items", "notes", "offers", "gifts", "checks", "replies", "weeks",
}

var names = []string{
	"Ada", "Sam", "Noor", "Lena", "Tomas", "Priya", "Jon", "Mei", "Ravi", "Iris",
	"Omar", "Lucia", "Ken", "Zora", "Finn", "Hana",
}
