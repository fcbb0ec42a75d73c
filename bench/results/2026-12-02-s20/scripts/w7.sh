#!/usr/bin/env bash
# idle machine: wake-up latency (pipe ping-pong) and commit-like fsync latency on the bench's disk
cd /tmp/h10t
python3 pingpong.py 2000 1
python3 pingpong.py 1000 5
python3 pingpong.py 2000 1 0 1
python3 pingpong.py 2000 1 0 0
python3 pingpong.py 2000 0
python3 fsynclat.py /tmp 1000 3
python3 fsynclat.py /tmp 2000 0
