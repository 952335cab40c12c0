#!/usr/bin/env python3
"""`multisum batch` as the command of Spark's RDD.pipe, over JSON Lines.

  spark-batch.py --input CLUSTERS.jsonl --output OUT.jsonl [--partitions N]
                 [--master local[2]] [--multisum PATH] [-- SUMMARY OPTIONS]

Every partition (a shard of whole lines) is piped through one
`multisum batch --quiet --threads 1` process: Spark gives the parallelism,
so each process uses one thread. `multisum batch` is a pure function of each
line and keeps the order of its input, and RDD.pipe keeps the order of a
partition, so the partitions' outputs concatenated in partition order are
the same bytes as one `multisum batch` over the whole file. The binary must
exist at the same path on every worker (in local mode: this machine).

Needs `pip install pyspark` and Java 17 or newer. See docs/distributed.md.
"""
import argparse
import os
import shlex
import shutil
import sys
import tempfile


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--multisum", default=shutil.which("multisum") or "multisum")
    args = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("multisum-batch")
    conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        command = [os.path.abspath(args.multisum), "batch", "--quiet", "--threads", "1", *extra]
        clusters = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        # pipe() takes one command line and splits it as a shell would.
        summaries = clusters.pipe(shlex.join(command), checkCode=True)
        parts = tempfile.mkdtemp(prefix="multisum-spark-")
        os.rmdir(parts)
        summaries.saveAsTextFile(parts)
        # part-00000, part-00001, …: partition order is input order.
        with open(args.output, "w", encoding="utf-8") as out:
            for name in sorted(n for n in os.listdir(parts) if n.startswith("part-")):
                with open(os.path.join(parts, name), encoding="utf-8") as part:
                    shutil.copyfileobj(part, out)
        shutil.rmtree(parts)
        print(f"{summaries.getNumPartitions()} partitions -> {args.output}", file=sys.stderr)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
