package search

// testCorpus is a small site: the Node tests run queries against its index.
func testCorpus() []Document {
	return []Document{
		{
			URL: "/guides/receiving/", Title: "Letting yourself receive", Section: "Guides", Language: "en",
			Description: "Accepting help is half of every reciprocal relationship.",
			Tags:        []string{"receiving", "self-awareness"},
			Parts: []Part{
				{Text: "Many of the people who come here are givers. Ask them whether they let others give to them, and there is often a pause."},
				{Anchor: "why-receiving-can-be-hard", Heading: "Why receiving can be hard", Text: "Guilt, fear of owing, trust and identity all play a part. Accepting a kindness can feel like the start of a debt."},
				{Anchor: "small-practices", Heading: "Small practices", Text: "Say thank you and stop. Accept one offer a week that you would normally turn down."},
			},
		},
		{
			URL: "/guides/listening/", Title: "Listening well", Section: "Guides", Language: "en",
			Description: "What to do when a partner never listens, and how to listen better yourself.",
			Tags:        []string{"communication"},
			Parts: []Part{
				{Text: "Listening is a gift you can give every day."},
				{Anchor: "when-your-partner-never-listens", Heading: "When your partner never listens", Text: "Name the pattern without blame. Ask for ten minutes of attention at a calm moment, and offer the same in return."},
			},
		},
		{
			URL: "/guides/cafe/", Title: "Meeting at the café", Section: "Guides", Language: "en",
			Description: "Neutral ground for a hard conversation.",
			Parts: []Part{
				{Text: "A café is neutral ground. Nobody hosts, nobody owes."},
				{Anchor: "choosing-a-place", Heading: "Choosing a place", Text: "Pick somewhere quiet enough to hear each other. Naïve as it sounds, the coffee matters less than the chairs."},
			},
		},
		{
			URL: "/guides/giving-back/", Title: "Giving back", Section: "Guides", Language: "en",
			Parts: []Part{
				{Text: "Giving back does not need to be immediate or equal."},
				{Anchor: "keeping-score", Heading: "Keeping score", Text: "A ledger kills warmth. Notice the flow over months, not days."},
			},
		},
		{
			URL: "/guides/planning/", Title: "Always the one who plans", Section: "Guides", Language: "en",
			Parts: []Part{
				{Text: "If you are always the one who plans, say so. Hand over one plan this month."},
				{Anchor: "back-and-forth", Heading: "Back and forth", Text: "Giving them room to plan takes patience; step back, keep giving them space, and they may receive the hint and receive the task."},
			},
		},
		{
			URL: "/worksheets/give-and-take/", Title: "Give and take", Section: "Worksheets", Language: "en",
			Description: "A ten-minute check on one relationship.",
			Parts: []Part{
				{Text: "I listen when they need to vent. They listen when I need to vent. When they offer help, I accept it."},
			},
		},
		{
			URL: "/fr/guides/recevoir/", Title: "Savoir recevoir", Section: "Guides", Language: "fr",
			Parts: []Part{
				{Text: "L'amitié demande qu'on accepte l'aide des amies et des amis."},
			},
		},
		// The page a query names by its title, and a short one that uses
		// the query's words often (the ranking of titles, TestQueriesInNode).
		{
			URL: "/es/guides/recibir/", Title: "Dejarse cuidar", Section: "Guías", Language: "es",
			Description: "Aceptar ayuda es la mitad de toda relación recíproca.",
			Parts: []Part{
				{Text: "Muchas de las personas que llegan aquí son de las que dan. Si les pregunta si dejan que los demás les den algo, suele haber un silencio."},
				{Anchor: "por-que-cuesta", Heading: "Por qué cuesta", Text: "La culpa, el miedo a deber algo, la confianza y la identidad tienen su parte. Aceptar una amabilidad puede parecer el principio de una deuda."},
				{Anchor: "practicas", Heading: "Pequeñas prácticas", Text: "Diga gracias y nada más. Acepte cada semana un ofrecimiento que normalmente rechazaría."},
			},
		},
		{
			URL: "/es/worksheets/abierto/", Title: "¿Estoy abierto a recibir?", Section: "Hojas de trabajo", Language: "es",
			Parts: []Part{
				{Text: "Lo cómodo que se siente dejando que le cuiden, y cuidando."},
				{Anchor: "q1", Heading: "¿Deja que le cuiden?", Text: "Dejar entrar el cuidado. Dejarse cuidar cuando está enfermo."},
			},
		},
	}
}
