package cn.reportarchive.parse;

/** One enumerated point, its marker kept as written (一是… / 1. … / （1）…); n counts from 1 in its block. */
public record Item(int n, String text) {
}
