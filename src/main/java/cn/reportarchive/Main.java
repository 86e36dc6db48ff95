package cn.reportarchive;
public class Main { public static void main(String[] a) {} }
