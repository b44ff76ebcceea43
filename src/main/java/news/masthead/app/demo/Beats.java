package news.masthead.app.demo;

import java.util.List;
import java.util.Map;

/**
 * The word banks filler articles are written from: for each section, what its stories are about,
 * headline patterns, people's roles and tags; and the places and names they share. Slots in braces
 * ({@code {place}}, {@code {thing}} …) are filled by {@link Filler}. Plain words only: no Markdown
 * syntax, so the body's Markdown and its HTML can be written side by side.
 */
final class Beats {
    /** One section's material. */
    record Beat(List<String> things, List<String> headlines, List<String> roles, List<String> orgs, List<String> tags,
                List<String> angles, List<String> sentences) {
    }

    static final List<String> PLACES = List.of("Aldmouth", "Port Carrow", "Westerby", "Kelham", "Brackenridge", "Stanmere",
            "Fennick", "Halden", "Oakhurst", "Linmouth", "Ashcombe", "Greyford", "Marlow Cross", "Tarnby", "Eskdale Vale");
    static final List<String> FIRST_NAMES = List.of("Anna", "Tobias", "Leila", "Marcus", "Nadia", "Owen", "Sofia", "Rahul",
            "Ingrid", "Kwame", "Elena", "Patrick", "Yusuf", "Clara", "Dmitri", "Aoife", "Bruno", "Hana", "Isaac", "Maya");
    static final List<String> LAST_NAMES = List.of("Marsh", "Okonjo", "Lindgren", "Pryce", "Castellano", "Baird", "Novak",
            "Achebe", "Holm", "Whitlock", "Sandoval", "Reyes", "Kaur", "Fitzgerald", "Abara", "Strand", "Moretti", "Quist");
    static final List<String> COUNTRIES = List.of("Marenland", "the Tessaly Islands", "Ostrevia", "Calderra", "Norvania",
            "Aurelia", "Kestria", "the Serin republics", "Valdora", "Lusene");

    static final Map<String, Beat> BY_SECTION = Map.of(
            "politics", new Beat(
                    List.of("the housing bill", "the schools funding formula", "the new planning rules", "the rail franchise review",
                            "the local elections", "the cabinet reshuffle", "the lobbying register", "the spending review",
                            "the childcare pledge", "the rural broadband promise", "the council tax freeze", "the police budget"),
                    List.of("Ministers under pressure over {thing}", "{Place} council leaders warn over {thing}",
                            "Backbenchers demand changes to {thing}", "Opposition sets out rival plan on {thing}",
                            "{Person} defends {thing} in tense committee hearing", "Vote on {thing} delayed until {month}",
                            "Poll suggests voters in {place} split over {thing}", "What {thing} means for {place}"),
                    List.of("the housing secretary", "the chancellor", "the opposition leader", "a senior backbencher",
                            "the chair of the public accounts committee", "the leader of {place} council"),
                    List.of("the Treasury", "the Department for Communities", "the Local Government Association",
                            "the Fiscal Studies Centre", "the parliamentary standards office"),
                    List.of("Parliament", "Elections", "Housing", "Local government", "Budget", "Transport"),
                    List.of("the cost", "the timetable", "who pays", "the rebels", "the voters"),
                    List.of("The vote is expected to be close.", "Party whips spent the weekend ringing wavering members.",
                            "The committee will take evidence from ministers next month.", "Councillors in {place} say they were not consulted.",
                            "The opposition has promised to reverse the change if it wins the next election.")),
            "world", new Beat(
                    List.of("the border talks", "the grain corridor", "the river treaty", "the ferry strike", "the snap election",
                            "the trade agreement", "the drought", "the new coalition", "the port expansion", "the ceasefire"),
                    List.of("{Country} and its neighbours resume talks on {thing}", "Crowds gather in {Country} as {thing} deadline nears",
                            "{Country} announces inquiry into {thing}", "Why {thing} matters beyond {Country}",
                            "Aid agencies warn over {thing} in {Country}", "{Person} wins backing in {Country} after {thing}",
                            "Talks on {thing} end without agreement"),
                    List.of("the foreign minister", "a regional governor", "the mediator", "a senior diplomat",
                            "the president's spokesperson", "an opposition MP"),
                    List.of("the regional development bank", "the Red Crescent", "the Serin basin commission",
                            "the Council of Northern States", "the World Food Programme"),
                    List.of("Diplomacy", "Water", "Trade", "Elections abroad", "Migration", "Conflict"),
                    List.of("the diplomacy", "the people affected", "the money", "the neighbours", "the history"),
                    List.of("Diplomats describe the atmosphere as cautiously hopeful.", "The border crossing near the capital reopened on {day}.",
                            "Aid convoys have been waiting for permission to move.", "The government in {country} has not commented.",
                            "Regional leaders will meet again in {month}.")),
            "business", new Beat(
                    List.of("the bakery chain", "the energy supplier", "the steelworks", "the port operator", "the bus company",
                            "the building society", "the games studio", "the high street", "the shipyard", "the brewery",
                            "the software start-up", "the supermarket price war"),
                    List.of("Jobs at risk as {thing} reviews its future", "{Place} cheers as {thing} expands",
                            "Profits fall at {thing} as costs bite", "Shareholders revolt at {thing} over pay",
                            "{Person} to step down as head of {thing}", "Workers at {thing} vote to strike",
                            "Inside {thing}: how a {place} firm survived the downturn", "Prices rise again at {thing}"),
                    List.of("the chief executive", "the finance director", "an analyst", "a union organiser",
                            "the founder", "a shop-floor worker"),
                    List.of("the Chamber of Commerce", "the Competition Authority", "the central bank",
                            "the Employee Ownership Association", "the Federation of Small Businesses"),
                    List.of("Economy", "Retail", "Jobs", "Energy", "Interest rates", "Manufacturing", "Start-ups"),
                    List.of("the numbers", "the workers", "the customers", "the competition", "the outlook"),
                    List.of("Shares rose by almost four per cent on the news.", "The company employs around {number} people.",
                            "Suppliers say they have not yet been paid for the last quarter.", "Analysts had expected weaker figures.",
                            "The union said it would consult its members before responding.")),
            "science", new Beat(
                    List.of("the glacier survey", "the new telescope", "the soil microbes study", "the vaccine trial",
                            "the deep-sea expedition", "the bird migration data", "the quantum sensor", "the fossil find",
                            "the sleep study", "the battery chemistry", "the bee decline research"),
                    List.of("Researchers surprised by {thing}", "{Thing} could change how we think about memory",
                            "Scientists in {place} publish {thing}", "What {thing} tells us about the ice age",
                            "{Person} on the long road to {thing}", "Funding for {thing} secured for five years",
                            "Questions raised over {thing}"),
                    List.of("the lead author", "a professor of geology", "an independent researcher", "the project leader",
                            "a doctoral student", "the institute's director"),
                    List.of("the National Institute of Earth Sciences", "the University of Westerby", "the Royal Observatory",
                            "the Aldmouth Medical School", "the Science Council"),
                    List.of("Research", "Space", "Health", "Climate", "Biology", "Physics"),
                    List.of("the method", "the data", "the doubts", "the next step", "the surprise"),
                    List.of("The findings are published in a peer-reviewed journal this week.", "The team collected samples over three seasons.",
                            "Other researchers will now try to reproduce the results.", "The data will be made openly available.",
                            "The study was funded by a public research grant.")),
            "environment", new Beat(
                    List.of("the wetland scheme", "the river clean-up", "the tree-planting drive", "the offshore wind farm",
                            "the beaver release", "the hedgerow grant", "the flood defences", "the air-quality zone",
                            "the peat ban", "the seagrass meadow", "the cycle network"),
                    List.of("Wildlife returns to {place} after {thing}", "Farmers divided over {thing}",
                            "{Place} residents fight {thing}", "Is {thing} working? The evidence so far",
                            "{Person} on why {thing} matters", "Record year for {thing} in {place}",
                            "Campaigners take {thing} to court"),
                    List.of("the conservation officer", "a local farmer", "the county ecologist", "a campaigner",
                            "the water company's spokesperson", "the environment minister"),
                    List.of("the Wildlife Trust", "the Environment Agency", "the Farmers' Union", "the Rivers Alliance",
                            "the National Parks Authority"),
                    List.of("Wildlife", "Farming", "Rivers", "Energy", "Climate", "Wetlands"),
                    List.of("the wildlife", "the farmers", "the cost", "the floods", "the next decade"),
                    List.of("Volunteers counted birds along the same route every month.", "The water level has been monitored since the spring.",
                            "Some landowners remain sceptical.", "The scheme is funded for ten years.",
                            "Local schools have been involved from the start.")),
            "culture", new Beat(
                    List.of("the new opera season", "the city museum", "the folk festival", "the debut novel",
                            "the theatre revival", "the photography prize", "the restored cinema", "the string quartet",
                            "the comic festival", "the poetry prize", "the jazz club"),
                    List.of("Review: {thing} is a quiet triumph", "{Place} celebrates as {thing} returns",
                            "{Person} on fame, failure and {thing}", "Why everyone is talking about {thing}",
                            "Five things to see at {thing}", "{Thing} faces closure after funding cut",
                            "Review: {thing} promises more than it delivers"),
                    List.of("the director", "the curator", "a critic", "the festival founder", "the lead actor",
                            "the author"),
                    List.of("the Arts Council", "the Aldmouth Museum", "the National Theatre Company",
                            "the Harrow & Finch publishing house", "the Westerby Philharmonic"),
                    List.of("Books", "Music", "Theatre", "Film", "Art", "Reviews", "Museums"),
                    List.of("the performances", "the audience", "the history", "the money", "the verdict"),
                    List.of("Tickets sold out within hours.", "The run has been extended until {month}.",
                            "The production tours to {place} in the spring.", "Critics have been divided.",
                            "The first night ended with a long standing ovation.")),
            "sport", new Beat(
                    List.of("the cup run", "the relegation fight", "the title race", "the city marathon", "the cycling tour",
                            "the rugby derby", "the transfer window", "the swimming championships", "the cricket final",
                            "the women's league", "the new stadium"),
                    List.of("{Place} keep hopes alive in {thing}", "Late drama as {thing} turns again",
                            "{Person} steals the show in {thing}", "Five talking points from {thing}",
                            "{Place} fans react to {thing}", "Manager sacked as {thing} goes wrong",
                            "Record crowd for {thing}"),
                    List.of("the manager", "the captain", "a veteran defender", "the head coach", "a teenage debutant",
                            "the club chairman"),
                    List.of("Port Carrow FC", "Westerby Athletic", "Aldmouth Rovers", "the national athletics federation",
                            "the Kelham Cycling Club"),
                    List.of("Football", "Athletics", "Cycling", "Rugby", "Cricket", "Swimming"),
                    List.of("the tactics", "the fans", "the numbers", "the turning point", "what comes next"),
                    List.of("The crowd of {number} was the largest of the season.", "The result leaves the table finely balanced.",
                            "The manager refused to blame the referee.", "Injuries have stretched the squad thin.",
                            "The return fixture is in {month}.")));

    /** Sentences any story can use; the filler picks a few per paragraph. */
    static final List<String> SENTENCES = List.of(
            "The decision on {thing} came after months of discussion in {place}.",
            "Officials at {org} said they expected to publish more details in {month}.",
            "Around {number} people are thought to be directly affected.",
            "The figures were not what anyone had predicted at the start of the year.",
            "Critics argue that the plans were rushed and that {place} was not properly consulted.",
            "Supporters say the change is overdue and will pay for itself within a decade.",
            "A spokesperson for {org} declined to comment on the timing.",
            "Local people have been divided, with some welcoming the news and others worried about what it means for them.",
            "It is the first time in {years} years that anything like this has happened in {place}.",
            "The details will be set out in a report due later this month.",
            "Earlier attempts to resolve the question ended without agreement.",
            "Much will depend on how the next few weeks unfold.",
            "Those involved say the mood has shifted noticeably since the summer.",
            "Documents seen by this paper suggest the cost could rise further.",
            "A public meeting in {place} on {day} drew a larger crowd than the hall could hold.",
            "The question of who pays remains unresolved.",
            "Independent experts said the evidence so far was encouraging but incomplete.",
            "There are lessons here for other towns facing the same choice.",
            "{Role} said the outcome had been better than feared.",
            "The timetable has already slipped twice.",
            "In {place}, the reaction was more cautious.",
            "Few expect the matter to be settled quickly.",
            "Nobody involved would say so publicly, but several people described the last few weeks as the most difficult they could remember.",
            "The numbers tell only part of the story.",
            "For people in {place}, the consequences are already visible.",
            "{Person} has followed the issue closely for years and says the change in tone is striking.",
            "One person who attended the meetings described them as polite but tense.",
            "There was no immediate response from {org}.",
            "The first results are expected by the end of {month}.",
            "Similar arguments were made a decade ago, with mixed results.",
            "The announcement surprised even some of those closest to the process.",
            "At a briefing on {day}, officials were pressed repeatedly on the cost.",
            "Some of the loudest voices belong to people who will not be directly affected.",
            "It is not yet clear how the plans will be paid for.",
            "The arguments on both sides have been rehearsed many times.",
            "What happens next depends largely on decisions that have not yet been taken.",
            "Even supporters concede that the timetable is ambitious.",
            "A consultation ran for twelve weeks and received more than {number} responses.",
            "The last comparable case took almost three years to resolve.",
            "Several of those we spoke to asked not to be named because the talks are continuing.",
            "In the end, the decision came down to a handful of people in a small room.",
            "It has been a long road to this point.");

    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December");
    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    private Beats() {
    }
}
