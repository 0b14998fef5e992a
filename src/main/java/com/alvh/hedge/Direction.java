package com.alvh.hedge;

/** Which way a proposal moves the hedge ratio. */
public enum Direction { ADD, REMOVE }
