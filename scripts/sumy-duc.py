#!/usr/bin/env python3
"""Summarize DUC-style clusters with sumy, one process for many clusters.

Usage: sumy-duc.py PEERS_DIR OUT_DIR METHOD WORDS CLUSTER_DIR [CLUSTER_DIR ...]

Runs ../shared/peers/run_sumy.py's own pipeline (offline Punkt splitter,
Treebank words, sumy's stemmer and stopwords, best-rated sentences until
WORDS words) on CLUSTER_DIR/docs and writes OUT_DIR/<cluster>.txt with one
selected sentence per line, in document order. run_sumy.py prints the same
sentences joined on one line and cut to WORDS words; ROUGE's -l WORDS cut
gives the same n-grams, and ROUGE-L sees the sentence boundaries. Existing
output files are kept (delete them to recompute).

sumy's KL-Sum ranks *every* sentence greedily before the budget is applied,
with work growing as sentences^2 x summary length: hours per 25-document
cluster. Only the first picks reach a word-budget summary (run_sumy.py takes
the best-rated sentences until WORDS words), so for --method kl the greedy
loop here stops once its picks cover WORDS words and ranks the rest below
them: the same summary as stock sumy, in seconds.
"""
import os
import sys


def budgeted_kl(budget):
    """sumy's KLSummarizer whose greedy ranking stops after `budget` words."""
    from sumy.summarizers.kl import KLSummarizer

    class BudgetedKL(KLSummarizer):
        def _compute_ratings(self, sentences):
            # KLSummarizer._compute_ratings (sumy 0.13), plus the early stop.
            word_freq = self.compute_tf(sentences)
            ratings = {}
            summary = []
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            words = 0
            while len(sentences_list) > 0 and words < budget:
                kls = []
                summary_as_word_list = self._get_all_words_in_doc(summary)
                for s in sentences_as_words:
                    joint_freq = self._joint_freq(s, summary_as_word_list)
                    kls.append(self._kl_divergence(joint_freq, word_freq))
                index_to_remove = self._find_index_of_best_sentence(kls)
                best_sentence = sentences_list.pop(index_to_remove)
                del sentences_as_words[index_to_remove]
                summary.append(best_sentence)
                ratings[best_sentence] = -1 * len(ratings)
                # run_sumy.word_budget_count counts words the same way.
                words += len(str(best_sentence).split())
            for s in sentences_list:  # never reached by the budget
                ratings[s] = -1 * len(ratings)
            return ratings

    return BudgetedKL


def main():
    peers, out, method, words, *clusters = sys.argv[1:]
    sys.path.insert(0, peers)
    import run_sumy  # noqa: E402  (needs the peers venv: sumy, nltk)

    if method == "kl":
        run_sumy.METHODS["kl"] = budgeted_kl(int(words))
    os.makedirs(out, exist_ok=True)
    for c in clusters:
        name = os.path.basename(os.path.normpath(c))
        path = os.path.join(out, name + ".txt")
        if os.path.exists(path) and os.path.getsize(path) > 0:
            continue
        text = run_sumy.read_dir(os.path.join(c, "docs"))
        sentences = run_sumy.summarize(text, method, 0, int(words), "punkt")
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for s in sentences:
                f.write(" ".join(s.split()) + "\n")
        os.replace(tmp, path)


if __name__ == "__main__":
    main()
