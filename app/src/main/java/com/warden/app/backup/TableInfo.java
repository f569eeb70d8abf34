package com.warden.app.backup;

/** A table of the source with its size on disk (heap and TOAST) and the planner's row estimate. */
public record TableInfo(TableName name, long bytes, long estimatedRows) { }
