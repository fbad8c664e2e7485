-- Exactly 63 bytes is still kept whole.
CREATE TABLE public.order_fulfillment_warehouse_assignment_priority_override_reason (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note text DEFAULT 'a default that is much longer than sixty-three bytes is a string, not a name'
);

-- 33 characters, exactly 63 bytes in UTF-8.
CREATE TABLE public."журнал_изменений_заказов_клиентов" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- local_variable_names_inside_a_function_body_are_part_of_a_string_constant
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
