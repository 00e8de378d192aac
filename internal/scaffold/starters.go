package scaffold

// guideStarter is a new guide; %s are the quoted title and today's date.
// Every front matter key is listed; the optional ones are commented out.
const guideStarter = `---
# Front matter: the lines between the two "---" describe the page.
title: %s
# description: One sentence for lists, search results and link previews.
date: %s
# lastmod: 2026-02-01             # when it last changed in a way readers should know
# draft: true                      # left out of the site unless built with --drafts
# weight: 10                       # order in its section: lower comes first, then by title
# tags: [listening, friendship]    # each tag gets a page listing its guides
# aliases: [/old/address/]         # old addresses that should redirect here
# slug: shorter-address            # the last part of the address instead of the file name
---

Open with a few sentences that tell the reader what this guide is about and why it might
help. Write plainly and kindly, the way you would speak to someone in the room.

## A first heading

Headings get anchors, and a guide with three or more gets a table of contents. Lists,
tables, footnotes and code blocks all work:

- one point,
- another point.

## Something to try

Close with one small step the reader can take this week.

To link another page, link its file, relative to this one: ` + "`[listening](listening.md)`" + ` or
` + "`[a check-in](../worksheets/check-in.yaml)`" + `. The build turns the file into the page's address,
and a link to a file that does not exist fails the build with this file's name and line,
so nothing breaks unnoticed.
`

// worksheetStarter is a new worksheet; %s are the schema path and the
// quoted title. It is valid as written, so the site still builds.
const worksheetStarter = `# yaml-language-server: $schema=%s
# The line above lets editors with YAML support (VS Code with the YAML
# extension, vim or Emacs with yaml-language-server) complete and check this
# file as you type, once the site has been built once.

title: %s
summary: One sentence on what this worksheet helps someone notice.
minutes: 5
# tags: [friendship]
# draft: true
intro: |
  Markdown shown above the questions. Ask the reader to think of one person,
  and to answer for how things usually are.

# Scales: "frequency" (Never .. Almost always) and "agreement" (Strongly
# disagree .. Strongly agree) are built in; "frequency-na" and
# "agreement-na" add a last option "Does not apply". Define your own like
# this (middle options may leave out their label; the page shows the value):
# scales:
#   often:
#     - {label: Never, value: 0}
#     - {label: Sometimes, value: 1}
#     - {label: Often, value: 2}
#     - {label: Does not apply, na: true}   # optional; never scored
#   deal:
#     - {label: I give far more, value: -3}
#     - {value: -2}
#     - {value: -1}
#     - {label: Even, value: 0}
#     - {value: 1}
#     - {value: 2}
#     - {label: I receive far more, value: 3}

# Areas group questions; the results show give and receive per area and
# point to the "see" guide of the area with the biggest gap.
# areas:
#   - {id: emotional, label: Emotional support, see: ../guides/listening.md}

sections:
  - title: A first section
    # intro: Markdown shown under the section title.
    questions:
      # A pair is two scored items on one scale: what I give, what I receive.
      - id: listening
        type: pair
        give: I listen when they need to talk.
        receive: They listen when I need to talk.
        scale: frequency
        # area: emotional
      # A rating is one item on one side (give or receive).
      - id: accept-help
        type: rating
        side: receive
        text: When they offer help, I accept it.
        scale: agreement
        # weight: 2          # counts twice as much (default 1)
        # reverse: true      # a high answer means less of this side
        # help: A hint shown under the question, in Markdown.
        # alert: [0, 1]      # an answer in this range shows the site's help block
      # A lean question asks how the balance feels, on a scale that runs from
      # "I give more" (lowest value) to "I receive more" (highest value).
      # - id: better-deal
      #   type: lean
      #   text: Considering what you put in and what you get out, who gets the better deal?
      #   scale: deal
      # A checklist is boxes to tick; options with a side are scored (1 when
      # ticked), the others only recorded. The page adds "None of these".
      # - id: this-week
      #   type: checklist
      #   text: Which of these happened this week?
      #   options:
      #     - {id: cooked, label: I cooked for them, side: give}
      #     - {id: drove-me, label: They drove me somewhere, side: receive}
      #     - {id: talked, label: We talked on the phone}
      # A reflection is free text: never scored, never sent anywhere.
      - id: one-step
        type: reflection
        text: One small thing I could do this week.

# Results: the first band whose ranges all hold is shown. balance runs from
# -100 (giving much more) to 100 (receiving much more); give and receive from
# 0 to 100; lean (from lean questions) from -100 to 100, like balance. The
# last band has no ranges, so every result has a band.
results:
  - balance: [-100, -16]
    title: You seem to give more than you receive
    body: Markdown for this band.
    # see: [../guides/receiving.md]
  - balance: [16, 100]
    title: You seem to receive more than you give
    body: Markdown for this band.
  - title: Giving and receiving look fairly even
    body: Markdown for this band.
`
