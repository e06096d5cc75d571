"""Generates the demo federation's subjects (Harvesters/demo-subjects/NODE/DATASET.csv, listed in datasets.tsv), consistent with
each demo dataset: its cancer types, modalities and body sites (as the labels a node writes), its size
(datasets above 1,500 subjects are sampled to 1,500; one without a size gets 60), and its typical ages.
Sex follows the cancer (breast and gynaecological cancers mostly women, prostate and testis men). About
2 % of diagnoses are written in a local form no concept knows, for the curators' queue. Seeded: the
same datasets give the same files. Subjects are invented; no real person is behind any row.

Usage: catalogue datasets --home HOME --json > datasets.json
       python3 scripts/make-demo-subjects.py datasets.json Harvesters/demo-subjects
"""
import csv
import json
import os
import random
import sys

FEMALE = ("breast", "cervical", "ovarian", "endometrial", "vulvar", "vaginal", "uterine")
MALE = ("prostate", "testicular", "testis")
LOCAL_FORMS = ["Ca. mammae li.", "Bronchial-Ca", "Tumor cerebri", "Neoplasia maligna"]


def share_female(cancers):
    text = " ".join(cancers).lower()
    if any(word in text for word in FEMALE):
        return 0.99 if "breast" in text else 1.0
    if any(word in text for word in MALE):
        return 0.0
    return 0.5


def file_name(identifier):
    """A file name for a dataset id (which may be an IRI): its last segment, safe characters only."""
    last = identifier.rstrip("/").rsplit("/", 1)[-1]
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in last) + ".csv"


def main(source, target):
    datasets = json.load(open(source))
    index = []
    for dataset in datasets:
        rng = random.Random(f"{dataset['node']}/{dataset['id']}")
        cancers = [c["label"] for c in dataset.get("cancerTypes", [])]
        modalities = [m["label"] for m in dataset.get("modalities", []) if m["label"] != "Segmentation"] or ["Computed tomography"]
        sites = [b["label"] for b in dataset.get("bodySites", [])]
        size = min(dataset.get("subjects") or 60, 1500)
        low = int(dataset.get("minTypicalAge") or 25)
        high = int(dataset.get("maxTypicalAge") or 85)
        female = share_female(cancers)
        folder = os.path.join(target, dataset["node"])
        os.makedirs(folder, exist_ok=True)
        name = os.path.join(dataset["node"], file_name(dataset["id"]))
        index.append((name, f"{dataset['node']}/{dataset['id']}"))
        with open(os.path.join(target, name), "w", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["subject", "sex", "age_at_diagnosis", "diagnosis", "modality", "body_site"])
            for number in range(size):
                diagnosis = rng.choice(cancers) if cancers else ""
                if cancers and rng.random() < 0.02:
                    diagnosis = rng.choice(LOCAL_FORMS)
                chosen = [m for m in modalities if rng.random() < 0.7] or [rng.choice(modalities)]
                age = min(max(int(rng.gauss((low + high) / 2, (high - low) / 4 or 5)), low), high)
                writer.writerow([
                    f"{dataset['node']}-{number:05d}", "F" if rng.random() < female else "M", age,
                    diagnosis, ";".join(chosen), ";".join(sites),
                ])
    # Which file holds which dataset's subjects (a dataset id may be an IRI, unfit for a file name).
    with open(os.path.join(target, "datasets.tsv"), "w") as out:
        out.write("# file\tdataset (NODE/ID); written by scripts/make-demo-subjects.py\n")
        for name, key in sorted(index):
            out.write(f"{name}\t{key}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
