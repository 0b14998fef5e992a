package com.alvh.hedge;

/** The kinds of layering action a decision can hold. */
public enum ActionType { ADD_LAYER, REMOVE_LAYER, ROLL_LAYER, HOLD }
