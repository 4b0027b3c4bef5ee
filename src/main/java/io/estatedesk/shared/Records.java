package io.estatedesk.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading and copying records by their components, so that a view or a form with many fields (the 投诉处理单) gets
 * a new field without every copy and every draft being written out again.
 */
public final class Records {

	private Records() {
	}

	/** A copy of the record with one component replaced. */
	public static <R extends Record> R with(R record, String component, Object value) {
		RecordComponent[] components = record.getClass().getRecordComponents();
		Object[] values = new Object[components.length];
		boolean found = false;
		try {
			for (int i = 0; i < components.length; i++) {
				if (components[i].getName().equals(component)) {
					values[i] = value;
					found = true;
				}
				else {
					components[i].getAccessor().setAccessible(true);
					values[i] = components[i].getAccessor().invoke(record);
				}
			}
			if (!found) {
				throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
			}
			Constructor<?> canonical = record.getClass()
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			canonical.setAccessible(true);
			@SuppressWarnings("unchecked")
			R copy = (R) canonical.newInstance(values);
			return copy;
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
		catch (InvocationTargetException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	/**
	 * A record from its components by name; a component not given is null, or zero / false for a primitive. For
	 * records built field by field (a sample sheet), so that a component added later needs no change there.
	 */
	public static <R extends Record> R of(Class<R> type, Map<String, ?> values) {
		RecordComponent[] components = type.getRecordComponents();
		for (String name : values.keySet()) {
			if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
				throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
			}
		}
		Object[] args = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> t = components[i].getType();
			Object v = values.get(components[i].getName());
			args[i] = v != null || !t.isPrimitive() ? v : zero(t);
		}
		try {
			Constructor<R> canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			canonical.setAccessible(true);
			return canonical.newInstance(args);
		}
		catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
		catch (InvocationTargetException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	/** The default value of a primitive type, boxed (a conditional expression would widen them all to one type). */
	private static Object zero(Class<?> primitive) {
		if (primitive == boolean.class) {
			return Boolean.FALSE;
		}
		if (primitive == char.class) {
			return Character.valueOf('\0');
		}
		if (primitive == long.class) {
			return Long.valueOf(0);
		}
		if (primitive == double.class) {
			return Double.valueOf(0);
		}
		if (primitive == float.class) {
			return Float.valueOf(0);
		}
		if (primitive == short.class) {
			return Short.valueOf((short) 0);
		}
		if (primitive == byte.class) {
			return Byte.valueOf((byte) 0);
		}
		return Integer.valueOf(0);
	}

	/** The record's components as text, by name, in their order ("" for null): what a form was given, to show again. */
	public static Map<String, String> texts(Record record) {
		Map<String, String> texts = new LinkedHashMap<>();
		try {
			for (RecordComponent c : record.getClass().getRecordComponents()) {
				c.getAccessor().setAccessible(true);
				Object v = c.getAccessor().invoke(record);
				texts.put(c.getName(), v == null ? "" : String.valueOf(v));
			}
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException(e);
		}
		return texts;
	}

}
