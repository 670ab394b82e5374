import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { unmark } from "./marked.js";
import { segmentSentences } from "./segmenter.js";

/** Splits a ⟦marked⟧ paragraph and returns the sentence texts. */
function sentences(marked: string): string[] {
  const { text, markers } = unmark(marked);
  return segmentSentences(text, markers).map((s) => text.slice(s.start, s.end));
}

/**
 * Hard cases taken from the corpora (file named; shortened to the sentences that matter). Markers are
 * written ⟦...⟧ where the JATS has `<xref ref-type="bibr">`.
 */
const CASES: readonly (readonly [source: string, marked: string, expected: readonly string[]])[] = [
  [
    "elife00286: et al. that ends a sentence",
    "This disruption is likely to be responsible for the increase in the lifespans observed by Zhang et al. Other life extension pathways they examined all appeared normal in these mice.",
    [
      "This disruption is likely to be responsible for the increase in the lifespans observed by Zhang et al.",
      "Other life extension pathways they examined all appeared normal in these mice.",
    ],
  ],
  [
    "elife00036: et al. before We",
    "We thank the reviewers for noting a discrepancy with the studies of Takahashi et al. We concur with the reviewers that Takahashi et al used ES cells as their baseline control.",
    [
      "We thank the reviewers for noting a discrepancy with the studies of Takahashi et al.",
      "We concur with the reviewers that Takahashi et al used ES cells as their baseline control.",
    ],
  ],
  [
    "journal.pbio.0040088: et al. before a numeric marker",
    "Bayesian relaxed-clock methods, including those published by Thorne et al. [⟦15⟧] and Aris-Brosou and Yang [⟦17⟧], present an enticing alternative to local clock models. These model the molecular rate among lineages as varying.",
    [
      "Bayesian relaxed-clock methods, including those published by Thorne et al. [15] and Aris-Brosou and Yang [17], present an enticing alternative to local clock models.",
      "These model the molecular rate among lineages as varying.",
    ],
  ],
  [
    "journal.pbio.0040088: marker after et al. ends the sentence",
    "The alignment contained 3,772 bp for 17 marsupials, obtained from Amrine-Madsen et al. [⟦31⟧]. The tree was rooted.",
    [
      "The alignment contained 3,772 bp for 17 marsupials, obtained from Amrine-Madsen et al. [31].",
      "The tree was rooted.",
    ],
  ],
  [
    "elife00825: et al. before an author-year marker in parentheses",
    "We then interrogated the normal karyotype cases (n = 94) reported by Pellagati et al. (⟦Pellagatti et al., 2010⟧), identifying a MYBL2-low signature in 36 cases (38%). Most were confident.",
    [
      "We then interrogated the normal karyotype cases (n = 94) reported by Pellagati et al. (Pellagatti et al., 2010), identifying a MYBL2-low signature in 36 cases (38%).",
      "Most were confident.",
    ],
  ],
  [
    "elife narrative marker opening a sentence (its et al. must not end it)",
    "This was unexpected. ⟦Smith et al. (2010)⟧ showed that the kinase is inactive. We agree.",
    ["This was unexpected.", "Smith et al. (2010) showed that the kinase is inactive.", "We agree."],
  ],
  [
    "journal.pcbi.1004113: Fig. 1B mid-sentence",
    "The regeneration is a bottom-up process as depicted in Fig. 1B, and the following dynamic model has been proposed based on lineage-tracing experiments [⟦18⟧, ⟦19⟧] (Fig. 1B). Stem cell-like progenitor cells (S) in the basal layer divide at a rate λ.",
    [
      "The regeneration is a bottom-up process as depicted in Fig. 1B, and the following dynamic model has been proposed based on lineage-tracing experiments [18, 19] (Fig. 1B).",
      "Stem cell-like progenitor cells (S) in the basal layer divide at a rate λ.",
    ],
  ],
  [
    "journal.pcbi.1004089: Fig. 4 and Figs. 2A",
    "The fit gave B = 10 ± 5 dB and A = 16 ± 1 (root mean standard error RMS = 0.0179), see Fig. 4. We used this latter value to calculate sound fields displayed in Figs. 2A and 3.",
    [
      "The fit gave B = 10 ± 5 dB and A = 16 ± 1 (root mean standard error RMS = 0.0179), see Fig. 4.",
      "We used this latter value to calculate sound fields displayed in Figs. 2A and 3.",
    ],
  ],
  [
    "elife00109: Figs. before a number",
    "We have now performed fits with two models to all histograms in Figs. 6 and 8: one and a sum of two exponential functions. We have assessed the more likely model.",
    [
      "We have now performed fits with two models to all histograms in Figs. 6 and 8: one and a sum of two exponential functions.",
      "We have assessed the more likely model.",
    ],
  ],
  [
    "elife00003: e.g. before capitalised species and spp",
    "Since many medically relevant bacterial pathogens enter the cytosol (e.g. Listeria monocytogenes, Shigella flexneri and Rickettsia spp; ⟦Ray et al., 2009⟧) and histones are antibacterial, droplets may protect. This is new.",
    [
      "Since many medically relevant bacterial pathogens enter the cytosol (e.g. Listeria monocytogenes, Shigella flexneri and Rickettsia spp; Ray et al., 2009) and histones are antibacterial, droplets may protect.",
      "This is new.",
    ],
  ],
  [
    "elife00632: e.g., before a marker",
    "Assembly is driven by basic amino acids, often located in flexible tails known as arginine rich motifs (ARMs) (e.g., ⟦Schneemann, 2006⟧). There is a correlation between the net charge of these motifs and the genome length (⟦Belyi and Muthukumar, 2006⟧).",
    [
      "Assembly is driven by basic amino acids, often located in flexible tails known as arginine rich motifs (ARMs) (e.g., Schneemann, 2006).",
      "There is a correlation between the net charge of these motifs and the genome length (Belyi and Muthukumar, 2006).",
    ],
  ],
  [
    "elife00960: i.e. before a capital",
    "The current version of the manuscript is unnecessarily condensed, i.e. Results and Discussion are combined. Given that there are no space constraints, we suggest a split.",
    [
      "The current version of the manuscript is unnecessarily condensed, i.e. Results and Discussion are combined.",
      "Given that there are no space constraints, we suggest a split.",
    ],
  ],
  [
    "elife06346: cf. before markers",
    "There is little evidence that serotonergic neurons signal punishments in awake animals (cf. ⟦Aghajanian et al., 1978⟧; ⟦Montagne-Clavel et al., 1995⟧). We observed some diversity (cf. ⟦Ranade and Mainen, 2009⟧) but a larger sample is required.",
    [
      "There is little evidence that serotonergic neurons signal punishments in awake animals (cf. Aghajanian et al., 1978; Montagne-Clavel et al., 1995).",
      "We observed some diversity (cf. Ranade and Mainen, 2009) but a larger sample is required.",
    ],
  ],
  [
    "elife00036: vs. between author-year citations",
    "The differences could be technical (e.g., ⟦Soldner et al., 2009⟧ vs. Theunissen et al., 2011, 1000-fold increase in NANOG). We agree.",
    [
      "The differences could be technical (e.g., Soldner et al., 2009 vs. Theunissen et al., 2011, 1000-fold increase in NANOG).",
      "We agree.",
    ],
  ],
  [
    "elife02131: vs. before a capitalised name",
    "See our new data on Col vs. GN-BFAr and the expanded Discussion. We have modified the Results accordingly.",
    ["See our new data on Col vs. GN-BFAr and the expanded Discussion.", "We have modified the Results accordingly."],
  ],
  [
    "elife01386: approx. before a number",
    "To test this, we recorded from six cones with an EGTA high Ca2+ whole cell solution (approx. 5 µM free [Ca2+]i), all uncoupled. Among five cones, one developed coupling.",
    [
      "To test this, we recorded from six cones with an EGTA high Ca2+ whole cell solution (approx. 5 µM free [Ca2+]i), all uncoupled.",
      "Among five cones, one developed coupling.",
    ],
  ],
  [
    "elife03445: ca. twice",
    "AML comprises a disproportionate number of new cases (ca. 19,000, 30%) and deaths (ca. 10,500, 44%) relative to all leukemias (⟦Leukemia and Lymphoma Society, 2014⟧). FDA-approved chemotherapy has not advanced.",
    [
      "AML comprises a disproportionate number of new cases (ca. 19,000, 30%) and deaths (ca. 10,500, 44%) relative to all leukemias (Leukemia and Lymphoma Society, 2014).",
      "FDA-approved chemotherapy has not advanced.",
    ],
  ],
  [
    "elife00632: Ref. before a marker",
    "The symbols indicate junction numbers for biological RNAs obtained from Ref. (⟦Gopal et al., 2012⟧), and the lines are best fits. The inset illustrates junction orders.",
    [
      "The symbols indicate junction numbers for biological RNAs obtained from Ref. (Gopal et al., 2012), and the lines are best fits.",
      "The inset illustrates junction orders.",
    ],
  ],
  [
    "elife10147: ref. inside parentheses",
    "Further gene duplications within the animals produced the diverse proteins that now contain GKPIDs (Figure 1B, ref. [⟦de Mendoza et al., 2010⟧]). These are shown.",
    [
      "Further gene duplications within the animals produced the diverse proteins that now contain GKPIDs (Figure 1B, ref. [de Mendoza et al., 2010]).",
      "These are shown.",
    ],
  ],
  [
    "elife02131: no. before a catalogue number",
    "Sections were labeled with goat anti-rabbit IgG coupled to Nanogold (no. 2004; Nanoprobes). Antibodies were diluted in blocking buffer.",
    [
      "Sections were labeled with goat anti-rabbit IgG coupled to Nanogold (no. 2004; Nanoprobes).",
      "Antibodies were diluted in blocking buffer.",
    ],
  ],
  [
    "elife01496: sp. before a strain name",
    "We constructed a phage-mimetic PsaJ-PsaF fusion in the cyanobacterium Synechocystis sp. PCC 6803. The borders of PsaJ and PsaF are easily located.",
    [
      "We constructed a phage-mimetic PsaJ-PsaF fusion in the cyanobacterium Synechocystis sp. PCC 6803.",
      "The borders of PsaJ and PsaF are easily located.",
    ],
  ],
  [
    "elife01479: spp. inside parentheses",
    "Flagellar bending induces motility in some cells (e.g., spermatozoa, Giardia spp. and Trypanosoma spp.) and propels media in others. In addition, it matters.",
    [
      "Flagellar bending induces motility in some cells (e.g., spermatozoa, Giardia spp. and Trypanosoma spp.) and propels media in others.",
      "In addition, it matters.",
    ],
  ],
  [
    "elife00003: E. coli with a strain name",
    "Histones were combined with a suspension of E. coli ML35 for 1 hr, and survival was determined by measuring CFU. This assay showed that histones are bactericidal.",
    [
      "Histones were combined with a suspension of E. coli ML35 for 1 hr, and survival was determined by measuring CFU.",
      "This assay showed that histones are bactericidal.",
    ],
  ],
  [
    "elife01229: E. coli between markers",
    "Such trade-offs were found in sulphanomide-resistant E. coli (⟦Kassen and Bataillion, 2006⟧) and E. coli (⟦Marcusson et al., 2009⟧), all of which described single genotypes. None was tested.",
    [
      "Such trade-offs were found in sulphanomide-resistant E. coli (Kassen and Bataillion, 2006) and E. coli (Marcusson et al., 2009), all of which described single genotypes.",
      "None was tested.",
    ],
  ],
  [
    "elife00306: S. cerevisiae opening a sentence",
    "Chronological lifespan is a popular model. S. cerevisiae cells were aged for 14 days. In this study, we used chronologically aging S. cerevisiae to determine the onset.",
    [
      "Chronological lifespan is a popular model.",
      "S. cerevisiae cells were aged for 14 days.",
      "In this study, we used chronologically aging S. cerevisiae to determine the onset.",
    ],
  ],
  [
    "elife02634: initials in a printed reference",
    "ParM has been shown to elongate bidirectionally by the Mullins group [Garner, E. C, Campbell, C. S., R. D. Mullins, Science 306, 1021-1025 (2004)]. We agree.",
    [
      "ParM has been shown to elongate bidirectionally by the Mullins group [Garner, E. C, Campbell, C. S., R. D. Mullins, Science 306, 1021-1025 (2004)].",
      "We agree.",
    ],
  ],
  [
    "elife00036: decimals and pH",
    "Eggs were emptied and cleaned with PBS, pH 7.1. Once the donor eggs were injected, 0.5 ml of albumin was added. They were sealed.",
    [
      "Eggs were emptied and cleaned with PBS, pH 7.1.",
      "Once the donor eggs were injected, 0.5 ml of albumin was added.",
      "They were sealed.",
    ],
  ],
  [
    "elife02200: a sentence opening with p53",
    "Targets are involved in cell cycle arrest and apoptosis (⟦Vousden and Prives, 2009⟧). p53 is inactivated in virtually all human cancers. Advances have been made.",
    [
      "Targets are involved in cell cycle arrest and apoptosis (Vousden and Prives, 2009).",
      "p53 is inactivated in virtually all human cancers.",
      "Advances have been made.",
    ],
  ],
  [
    "elife00068: a sentence opening with hESCs",
    "Several of these heterodimers are important for the assembly of TFIID. hESCs contain only three HFD-containing TAFs (3, 6 and 11). This suggests a change.",
    [
      "Several of these heterodimers are important for the assembly of TFIID.",
      "hESCs contain only three HFD-containing TAFs (3, 6 and 11).",
      "This suggests a change.",
    ],
  ],
  [
    "journal.pone.0012262: marker before a full stop with no space after it",
    "It has been suggested to have a regulatory role in dendritic cell innate immune responses ⟦[121]⟧.Translational modification is also a function of p63.",
    [
      "It has been suggested to have a regulatory role in dendritic cell innate immune responses [121].",
      "Translational modification is also a function of p63.",
    ],
  ],
  [
    "elife01695: a marker in parentheses after the full stop belongs to the sentence before",
    "We have responded in the following ways. (⟦Adams and Wadzinski, 2007⟧) We define these types of replicates in the Methods.",
    [
      "We have responded in the following ways. (Adams and Wadzinski, 2007)",
      "We define these types of replicates in the Methods.",
    ],
  ],
  [
    "journal.pbio.0040088: numeric range and list in brackets",
    "Results show considerable departures from clocklike evolution [⟦3⟧–⟦5⟧], and rate variation can mislead [⟦6⟧]. Instead, attempts have been made to relax the clock [⟦13⟧–⟦15⟧].",
    [
      "Results show considerable departures from clocklike evolution [3–5], and rate variation can mislead [6].",
      "Instead, attempts have been made to relax the clock [13–15].",
    ],
  ],
  [
    "PLOS-style superscript marker after the full stop",
    "Tight junctions form at the apical membrane.⟦2⟧,⟦4⟧ The junction is powered by actomyosin.⟦5⟧ It moves.",
    ["Tight junctions form at the apical membrane.2,4", "The junction is powered by actomyosin.5", "It moves."],
  ],
  [
    "bracketed marker after the full stop",
    "The junction is powered by the parasite actin-myosin motor. [⟦2⟧]–[⟦4⟧] Then it moves.",
    ["The junction is powered by the parasite actin-myosin motor. [2]–[4]", "Then it moves."],
  ],
  [
    "author-year group after the full stop",
    "Dynein is processive. (⟦Reck-Peterson et al., 2006⟧; ⟦Gennerich et al., 2007⟧). Its step size varies.",
    ["Dynein is processive. (Reck-Peterson et al., 2006; Gennerich et al., 2007).", "Its step size varies."],
  ],
  [
    "elife02009: an unclosed bracket group",
    "Cargoes move by cisternal progression (or rimmal progression [⟦Lavieu et al., 2013⟧] or compartment progression [⟦Mironov et al., 2013⟧]. For brevity, we use the term compartment progression.",
    [
      "Cargoes move by cisternal progression (or rimmal progression [Lavieu et al., 2013] or compartment progression [Mironov et al., 2013].",
      "For brevity, we use the term compartment progression.",
    ],
  ],
  [
    "section sign and sub-section numbers",
    "The derivation is given in § 3.2 of the Appendix. The constants are listed in §4.",
    ["The derivation is given in § 3.2 of the Appendix.", "The constants are listed in §4."],
  ],
  [
    "a question and an exclamation",
    "Does the knockdown of one TAF affect the occupancy of other TAFs? It does! The effect is small (⟦Kamenova et al., 2014⟧).",
    [
      "Does the knockdown of one TAF affect the occupancy of other TAFs?",
      "It does!",
      "The effect is small (Kamenova et al., 2014).",
    ],
  ],
  [
    "an initial before a surname inside running text",
    "The method of J. B. S. Haldane was applied. It works.",
    ["The method of J. B. S. Haldane was applied.", "It works."],
  ],
  [
    "elife01085: the unit Å before a full stop is no initial",
    "Images were then reduced by 4 × 4 pixel averaging resulting in a pixel size of 7.3 Å. Data were processed using the IMOD software package (⟦Kremer et al., 1996⟧).",
    [
      "Images were then reduced by 4 × 4 pixel averaging resulting in a pixel size of 7.3 Å.",
      "Data were processed using the IMOD software package (Kremer et al., 1996).",
    ],
  ],
  [
    "elife04553: °C before a full stop is no initial",
    "All spectra were collected at 20°C. Data were processed using NMRpipe and analyzed using NMRview (⟦Johnson and Blevins, 1994⟧; ⟦Delaglio et al., 1995⟧).",
    [
      "All spectra were collected at 20°C.",
      "Data were processed using NMRpipe and analyzed using NMRview (Johnson and Blevins, 1994; Delaglio et al., 1995).",
    ],
  ],
  [
    "elife01867: ms is a unit, not an abbreviation",
    "The distribution of EEG power over the scalp remains stable for periods of around 100 ms. Clustering of these topographies into a limited number of classes has revealed few unique maps.",
    [
      "The distribution of EEG power over the scalp remains stable for periods of around 100 ms.",
      "Clustering of these topographies into a limited number of classes has revealed few unique maps.",
    ],
  ],
  [
    "elife01993: a capital letter naming a subdomain ends the sentence",
    "A Zn-binding subdomain B; and an OB-fold subdomain C. The central pore of the PfMCMN hexameric ring is oval-shaped (⟦Liu et al., 2008⟧).",
    [
      "A Zn-binding subdomain B; and an OB-fold subdomain C.",
      "The central pore of the PfMCMN hexameric ring is oval-shaped (Liu et al., 2008).",
    ],
  ],
  [
    "elife04037: panel letter before a full stop",
    "The experiments that will be replicated are those reported in Figure 2B and C. In these experiments, Wilson and colleagues show that sensitivity can be bypassed (⟦Wilson et al., 2012⟧).",
    [
      "The experiments that will be replicated are those reported in Figure 2B and C.",
      "In these experiments, Wilson and colleagues show that sensitivity can be bypassed (Wilson et al., 2012).",
    ],
  ],
  [
    "elife01257: a sentence in parentheses that ends with a citation is its own sentence",
    "Size selection from polyacrylamide gel is imprecise. (This choice also limits what we can observe: recent work found distinct 16 nt fragments, ⟦Guydosh and Green, 2014⟧.)",
    [
      "Size selection from polyacrylamide gel is imprecise.",
      "(This choice also limits what we can observe: recent work found distinct 16 nt fragments, Guydosh and Green, 2014.)",
    ],
  ],
  [
    "elife04601: an enumerator (c) opens a sentence",
    "This construct is non-functional in vivo (⟦Osawa et al., 2008⟧) and we did not include it in our investigations below. (c) Removing the C-terminal helix from FtsZ detached the filaments from the membrane.",
    [
      "This construct is non-functional in vivo (Osawa et al., 2008) and we did not include it in our investigations below.",
      "(c) Removing the C-terminal helix from FtsZ detached the filaments from the membrane.",
    ],
  ],
  [
    "journal.pone.0120924: page and plate numbers after a bracketed marker",
    "Conus planiliratus Sowerby I, 1850 [⟦37⟧], p. 44; Guppy, 1866 [⟦38⟧], p. 287, pl. 7, Fig. 9. It was illustrated by Röckel et al. ([⟦6⟧], pl. 27, Figs. 10–12).",
    [
      "Conus planiliratus Sowerby I, 1850 [37], p. 44; Guppy, 1866 [38], p. 287, pl. 7, Fig. 9.",
      "It was illustrated by Röckel et al. ([6], pl. 27, Figs. 10–12).",
    ],
  ],
  [
    "PLOS: a bracketed marker after a closing quote and full stop",
    "The effects were “enhanced by gain-of and loss-of ERK1/2 activity, respectively.” ⟦[75]⟧. Next, we tested it.",
    ["The effects were “enhanced by gain-of and loss-of ERK1/2 activity, respectively.” [75].", "Next, we tested it."],
  ],
  [
    "elife: an opening bracket glued to the full stop before it",
    "Variability in protein abundance, adapted from Lovdok et al.(⟦Lovdok et al., 2009⟧; ‘Materials and methods’). It varies.",
    [
      "Variability in protein abundance, adapted from Lovdok et al.(Lovdok et al., 2009; ‘Materials and methods’).",
      "It varies.",
    ],
  ],
  [
    "elife: a figure-legend panel glued to the full stop before it",
    "Proteins used in this study are shown in Figure 1—figure supplement 1 .(B) Model of human PCNA generated using Pymol.",
    [
      "Proteins used in this study are shown in Figure 1—figure supplement 1 .",
      "(B) Model of human PCNA generated using Pymol.",
    ],
  ],
  [
    "journal.pone.0118238: a numeric citation as the subject of a new sentence",
    "The model has thus been extended in various ways. [⟦26⟧] modeled auxin influx carriers. [⟦23⟧] combined both.",
    ["The model has thus been extended in various ways.", "[26] modeled auxin influx carriers.", "[23] combined both."],
  ],
  [
    "elife08127: an author-year citation in parentheses as the subject of a new sentence",
    "The figure shows α with and without a correction for multiple comparisons. (⟦Bushdid et al., 2014⟧) did not correct for multiple comparisons.",
    [
      "The figure shows α with and without a correction for multiple comparisons.",
      "(Bushdid et al., 2014) did not correct for multiple comparisons.",
    ],
  ],
  [
    "elife: abbreviations inside short parentheses (ver., v., a.k.a., ex.)",
    "Models were refined with the program CNS (ver. 1.2) (⟦Dominguez et al., 2003⟧). Hydrogens were modeled using Omega (v. 2.3.2, OpenEye) (⟦Bostrom et al., 2003⟧). The phosphatase PPP1R15B (a.k.a. CReP) (⟦Novoa et al., 2001⟧) is sustained.",
    [
      "Models were refined with the program CNS (ver. 1.2) (Dominguez et al., 2003).",
      "Hydrogens were modeled using Omega (v. 2.3.2, OpenEye) (Bostrom et al., 2003).",
      "The phosphatase PPP1R15B (a.k.a. CReP) (Novoa et al., 2001) is sustained.",
    ],
  ],
  [
    "elife: a construct name with a full stop inside parentheses",
    "All plasmids were derived from TFP.t9 (t7. TFP.t9) (⟦Rizzo et al., 2006⟧). All plasmids contain the f1 origin.",
    ["All plasmids were derived from TFP.t9 (t7. TFP.t9) (Rizzo et al., 2006).", "All plasmids contain the f1 origin."],
  ],
  [
    "elife: a capital letter naming a state before a sentence opening with Equation",
    "Rex depends on the difference in resonance frequencies of a spin in states E and G. Equation 1 makes it clear that Rex is small (⟦Palmer, 2004⟧).",
    [
      "Rex depends on the difference in resonance frequencies of a spin in states E and G.",
      "Equation 1 makes it clear that Rex is small (Palmer, 2004).",
    ],
  ],
  [
    "elife: a numbered enumerator opens a sentence",
    "Mice ran under different regimes of visual stimulation (⟦Niell and Stryker, 2010⟧) as follows. (1) running with visual stimulation; (2) running in darkness.",
    [
      "Mice ran under different regimes of visual stimulation (Niell and Stryker, 2010) as follows.",
      "(1) running with visual stimulation; (2) running in darkness.",
    ],
  ],
  [
    "elife: sentences opening with a number after a citation",
    "Experimental techniques were similar to those reported previously (⟦Argilli et al., 2008⟧). 9–10 days after viral injection, mice were anaesthetized. DTX injections were performed as described (⟦Cavanaugh et al., 2009⟧). 40 ng/g of DTX was delivered by i.p. injections to mice at P21.",
    [
      "Experimental techniques were similar to those reported previously (Argilli et al., 2008).",
      "9–10 days after viral injection, mice were anaesthetized.",
      "DTX injections were performed as described (Cavanaugh et al., 2009).",
      "40 ng/g of DTX was delivered by i.p. injections to mice at P21.",
    ],
  ],
  [
    "elife: a sentence opening with a percentage after a panel label",
    "A summary of the phenotypes is in Figure 2—figure supplement 1A. 70% of the 300 pluteus larvae treated with SU5402 showed an elongated archenteron (⟦Annunziata et al., 2014⟧).",
    [
      "A summary of the phenotypes is in Figure 2—figure supplement 1A.",
      "70% of the 300 pluteus larvae treated with SU5402 showed an elongated archenteron (Annunziata et al., 2014).",
    ],
  ],
];

describe("segmentSentences on hard cases from the corpora", () => {
  for (const [source, marked, expected] of CASES) {
    test(`splits correctly: ${source}`, () => {
      assert.deepEqual(sentences(marked), expected);
    });
  }
  test("has at least 30 hard cases", () => {
    assert.ok(CASES.length >= 30);
  });
});

describe("segmentSentences edge cases", () => {
  test("returns no sentence for empty or blank text", () => {
    assert.deepEqual(segmentSentences(""), []);
    assert.deepEqual(segmentSentences("  \n "), []);
  });
  test("keeps a marker that the segmenter would split inside one sentence", () => {
    assert.deepEqual(sentences("It binds ⟦Smith et al. Nature 2010⟧ strongly. Then."), [
      "It binds Smith et al. Nature 2010 strongly.",
      "Then.",
    ]);
  });
  test("returns offsets into the original text", () => {
    const text = "  One (Smith, 2010).  Two.  ";
    const spans = segmentSentences(text, [{ start: 7, end: 18 }]);
    assert.deepEqual(spans, [
      { start: 2, end: 20 },
      { start: 22, end: 26 },
    ]);
  });
});
