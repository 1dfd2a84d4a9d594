#!/bin/sh
apt-get update
apt-get install lamp
# ANCHOR: install
Install the lamp with `apt-get install lamp`, then trim the wick.
# ANCHOR_END: install
